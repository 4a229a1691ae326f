/**
 * The analysts of the mixed scenario, in their own process:
 * read-client <url> <seconds> <analyst key> <list readers> <as-of readers> <as-of from> <as-of to>
 * Each reader sends one request at a time, back to back, for `seconds`:
 * - a list reader cycles through GET /pairings, /needs, /communities (a page of 50) and the live funding report;
 * - an as-of reader asks for the funding report or one of the history's first pairings as of a
 *   position drawn in [from, to]
 *   (a different position each time, so no answer can come from a cache of an earlier one).
 * Prints {list: {count, p50, p99, non2xx}, asOf: {…}} as JSON (milliseconds).
 */
import { HISTORY_PREFIX } from './bench-program';

const [url, seconds, key, listReaders, asOfReaders, from, to] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;
const headers = { authorization: `Bearer ${key}` };

const LISTS = ['/pairings?limit=50', '/needs?limit=50', '/communities?limit=50', '/reports/funding'];

function asOfPath(i: number): string {
  const [low, high] = [Number(from), Number(to)];
  const position = low + Math.floor(Math.random() * (high - low + 1));
  return i % 2 === 0 ? `/reports/funding?asOf=${position}` : `/pairings/${HISTORY_PREFIX}pair-${i % 8}?asOf=${position}`;
}

interface Tally {
  latencies: number[];
  non2xx: number;
}

async function reader(tally: Tally, path: (i: number) => string): Promise<void> {
  for (let i = 0; Date.now() < deadline; i += 1) {
    const started = performance.now();
    const response = await fetch(`${url}${path(i)}`, { headers });
    await response.arrayBuffer();
    tally.latencies.push(performance.now() - started);
    if (response.status < 200 || response.status >= 300) tally.non2xx += 1;
  }
}

function summary({ latencies, non2xx }: Tally) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]) : 0);
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: at(1), non2xx };
}

async function main(): Promise<void> {
  const list: Tally = { latencies: [], non2xx: 0 };
  const asOf: Tally = { latencies: [], non2xx: 0 };
  await Promise.all([
    ...Array.from({ length: Number(listReaders) }, (_, r) => reader(list, (i) => LISTS[(i + r) % LISTS.length])),
    ...Array.from({ length: Number(asOfReaders) }, (_, r) => reader(asOf, (i) => asOfPath(i + r))),
  ]);
  process.stdout.write(JSON.stringify({ list: summary(list), asOf: summary(asOf) }));
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
