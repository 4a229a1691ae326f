/**
 * Child process for the subscription memory test (run with --expose-gc): one long-lived
 * subscription is woken by N appends, one at a time; prints the heap after a full GC at
 * `warmup` wake-ups and at N, as JSON.
 * Usage: subscription-wakeups <dir> <n> <warmup>
 */
import { join } from 'node:path';
import { SqliteEventStore } from '../../libs/event-store/src';

async function main(): Promise<void> {
  const [dir, n, warmup] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), synchronous: 'OFF' });
  const subscription = store.subscribeToAll({ fromPosition: 'end' });
  const iterator = subscription[Symbol.asyncIterator]();
  const heap = () => {
    (global as unknown as { gc: () => void }).gc();
    return process.memoryUsage().heapUsed;
  };
  let atWarmup = 0;
  for (let i = 1; i <= n; i += 1) {
    const received = iterator.next(); // the subscription is waiting: this append wakes it
    await store.append('wake-up', [{ type: 'Tick', data: { i } }]);
    await received;
    if (i === warmup) atWarmup = heap();
  }
  const atEnd = heap();
  await subscription.close();
  await store.close();
  process.stdout.write(JSON.stringify({ atWarmup, atEnd }) + '\n');
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
