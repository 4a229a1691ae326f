/**
 * The load generator, in its own process so it does not take the server's CPU:
 * load-client <url> <seconds> <connections> <headers JSON> <first id> [requests] prints autocannon's
 * figures as JSON. With `requests`, it sends exactly that many (so servers compared with each other
 * hold the same data after each round) and `seconds` is only a limit.
 * Each request carries a fresh need (unique id, spread over sectors and months).
 */
import autocannon from 'autocannon';
import type { EventEmitter } from 'node:events';
import { PAIRINGS } from './bench-program';

const SECTORS = ['housing', 'education', 'employment', 'agriculture', 'infrastructure', 'security', 'welfare', 'culture-and-youth'];
const [url, seconds, connections, headersJson, firstId, requests] = process.argv.slice(2);
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

const started = performance.now();
let lastAnswer = started;
const load = autocannon({
  url,
  connections: Number(connections),
  duration: Number(seconds),
  ...(requests ? { amount: Number(requests) } : {}),
  method: 'POST',
  headers: { 'content-type': 'application/json', ...JSON.parse(headersJson) },
  requests: [{ setupRequest: (request) => ({ ...request, body: needBody() }) }],
});
// The promise is autocannon's tracker too (an EventEmitter), whatever its typings say.
(load as unknown as EventEmitter).on('response', () => (lastAnswer = performance.now()));
load.then((result) => {
  // A fixed count is timed to its last answer: autocannon notices the end on its next
  // one-second tick, and its per-second average would weigh that part second like the others.
  const requestsPerSecond = requests ? (result.requests.total * 1000) / (lastAnswer - started) : result.requests.average;
  process.stdout.write(JSON.stringify({ requestsPerSecond, p99: result.latency.p99, non2xx: result.non2xx, sent: n }));
});
