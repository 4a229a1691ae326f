import { join } from 'node:path';
import { makeTempDir } from '../../../../test/support/temp-dir';
import { GroupCommit, SqliteEventStore } from './sqlite-event-store';

describe('SqliteEventStore group commit, as its listeners see it (the c2g_group_commit_* metrics)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: SqliteEventStore;
  beforeEach(() => {
    temp = makeTempDir();
    store = new SqliteEventStore({ file: join(temp.dir, 'events.sqlite') });
  });
  afterEach(async () => {
    await store.close();
    temp.remove();
  });

  const event = (n: number) => ({ type: 'ThingHappened', data: { n } });

  it('reports appends of one turn of the event loop as one commit, counting only those that were written', async () => {
    const commits: GroupCommit[] = [];
    const stop = store.onGroupCommit((commit) => commits.push(commit));
    await store.append('s-0', [event(0)]);
    const results = await Promise.allSettled([
      store.append('s-1', [event(1), event(2)]),
      store.append('s-2', [event(3)]),
      store.append('s-0', [event(4)], { expectedRevision: 'no_stream' }), // refused: s-0 exists
      store.append('s-3', [event(5), event(6), event(7)]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(commits.map(({ appends }) => appends)).toEqual([1, 3]);
    expect(commits.every((c) => c.seconds >= 0 && c.seconds < 60)).toBe(true);
    stop();
    await store.append('s-4', [event(8)]);
    expect(commits).toHaveLength(2);
  });
});
