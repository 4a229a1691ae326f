/**
 * The load generator, in its own process so it does not take the server's CPU:
 * load-client <url> <seconds> <connections> <headers JSON> prints autocannon's figures as JSON.
 * Each request carries a fresh need (unique id, spread over sectors and months).
 */
import autocannon from 'autocannon';
import { PAIRINGS } from './bench-program';

const SECTORS = ['housing', 'education', 'employment', 'agriculture', 'infrastructure', 'security', 'welfare', 'culture-and-youth'];
const [url, seconds, connections, headersJson, firstId] = process.argv.slice(2);
let n = Number(firstId);

function needBody(): string {
  const i = n++;
  const month = Math.floor(i / SECTORS.length) % 120;
  const from = `${2025 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
  return JSON.stringify({
    id: `bench-${i}`, pairingId: `pair-${i % PAIRINGS}`, title: `Need number ${i} of the joint team`, description: '',
    sector: SECTORS[i % SECTORS.length], horizon: 'short-term', estimatedCost: { amount: 3_600_000, currency: 'USD' },
    window: { from, to: from.replace(/-01$/, '-28') }, quantity: 120,
  });
}

autocannon({
  url,
  connections: Number(connections),
  duration: Number(seconds),
  method: 'POST',
  headers: { 'content-type': 'application/json', ...JSON.parse(headersJson) },
  requests: [{ setupRequest: (request) => ({ ...request, body: needBody() }) }],
}).then((result) => {
  process.stdout.write(JSON.stringify({ requestsPerSecond: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx, sent: n }));
});
