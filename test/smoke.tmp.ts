import { EventStoreDbEventStore } from '../libs/event-store/src';
import { startEventStoreDbDouble } from './eventstoredb-double/eventstoredb-double';
const t0 = Date.now(); const log = (m: string) => console.log(Date.now() - t0, m);
(async () => {
  const d = await startEventStoreDbDouble();
  const store = new EventStoreDbEventStore({ connectionString: d.connectionString });
  const sub = store.subscribeToAll({ fromPosition: 'end' });
  const got: string[] = [];
  const drained = (async () => { for await (const e of sub) { got.push(e.streamId); log('got ' + e.streamId); } log('drained'); })();
  await store.append('s-1', [{ type: 'A', data: { x: 1 } }]);
  await new Promise((r) => setTimeout(r, 100));
  log('closing sub');
  await sub.close(); log('sub closed');
  await drained;
  await store.close(); log('closed');
  await d.stop(); log('stopped');
})().catch((e) => { console.error('FAIL', e); process.exit(1); });
