/**
 * Child process for durability and cross-process tests: appends events to an SQLite event
 * store one by one and prints `ack <eventId> <position>` only after each append resolved,
 * i.e. after the store acknowledged it. Usage: append-worker <file> <streamId> <count> [concurrency]
 */
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '../../libs/event-store/src';

async function main(): Promise<void> {
  const [file, streamPrefix, countArg, concurrencyArg] = process.argv.slice(2);
  const count = Number(countArg);
  const concurrency = Number(concurrencyArg ?? 1);
  const store = new SqliteEventStore({ file });
  process.stdout.write('ready\n');
  let next = 0;
  const worker = async (lane: number) => {
    while (next < count) {
      const n = next++;
      const eventId = randomUUID();
      const result = await store.append(`${streamPrefix}-${lane}`, [
        { eventId, type: 'WorkerAppended', data: { n, lane } },
      ]);
      process.stdout.write(`ack ${eventId} ${result.position}\n`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, lane) => worker(lane)));
  await store.close();
  process.stdout.write('done\n');
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
