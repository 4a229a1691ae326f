import { Logger } from '@nestjs/common';
import BetterSqlite, { type Database } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { firstValueFrom } from 'rxjs';
import { take, toArray } from 'rxjs/operators';
import { SqliteEventStore, StoredEvent } from '@c2g/event-store';
import { eventually } from '../../../test/support/eventually';
import { makeTempDir } from '../../../test/support/temp-dir';
import { Projection, ProjectionContext } from './projection';
import { snapshotPositions } from '../as-of/read-model-snapshots';
import { ProjectionRunner } from './projection-runner';
import { readModelFile } from './read-model-file';

/** Counts events per stream; refuses events whose data says `poison`. */
class StreamCounter implements Projection {
  readonly name: string;
  constructor(readonly version = 1, name = 'stream-counter', private readonly poisonAllowed = false) {
    this.name = name;
  }
  setup(db: Database): void {
    db.exec('CREATE TABLE counts (stream_id TEXT PRIMARY KEY, n INTEGER NOT NULL, version INTEGER NOT NULL)');
  }
  apply(event: StoredEvent, { db, changed }: ProjectionContext): void {
    if ((event.data as { poison?: boolean }).poison && !this.poisonAllowed) throw new Error('cannot digest this');
    db.prepare(
      `INSERT INTO counts (stream_id, n, version) VALUES (?, 1, ?) ON CONFLICT (stream_id) DO UPDATE SET n = n + 1`,
    ).run(event.streamId, this.version);
    changed({ kind: 'count', id: event.streamId });
  }
}

const countsOf = (db: Database) =>
  Object.fromEntries((db.prepare('SELECT stream_id, n FROM counts ORDER BY stream_id').all() as { stream_id: string; n: number }[]).map((r) => [r.stream_id, r.n]));


// This file parks projections and locks databases on purpose: their ERROR lines are expected, not news.
beforeAll(() => Logger.overrideLogger(['fatal']));
describe('ProjectionRunner', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: SqliteEventStore;
  let runner: ProjectionRunner | undefined;
  const dir = () => join(temp.dir, 'read-models');
  const append = (streamId: string, count: number, data: object = {}) =>
    store.append(streamId, Array.from({ length: count }, () => ({ type: 'Counted', data })));
  const startRunner = (projections: Projection[], batchSize = 7) => {
    runner = new ProjectionRunner({ store, dir: dir(), projections, batchSize });
    runner.start();
    return runner;
  };
  /** `count` events in stream a, applied by version 1, which then stops: the file a new version finds. Returns its checkpoint. */
  const builtByVersion1 = async (count: number) => {
    await append('a', count);
    const v1 = startRunner([new StreamCounter(1)]);
    const head = await store.headPosition();
    await v1.waitFor(['stream-counter'], head, 5000);
    await v1.stop();
    return head;
  };
  /** Version 2 that cannot finish its rebuild here (it parks on its first event). */
  const stuckVersion2 = () => {
    const v2 = new StreamCounter(2);
    v2.apply = () => {
      throw new Error('v2 is still rebuilding');
    };
    return v2;
  };

  beforeEach(() => {
    temp = makeTempDir();
    store = new SqliteEventStore({ file: join(temp.dir, 'events.sqlite') });
  });
  afterEach(async () => {
    await runner?.stop();
    runner = undefined;
    await store.close();
    temp.remove();
  });

  it('catches up on the log, then follows live appends', async () => {
    await append('a', 20);
    const r = startRunner([new StreamCounter()]);
    expect(await r.waitFor(['stream-counter'], await store.headPosition(), 5000)).toBe(true);
    const { position } = await append('b', 3);
    expect(await r.waitFor(['stream-counter'], position, 5000)).toBe(true);
    expect(countsOf(r.database('stream-counter'))).toEqual({ a: 20, b: 3 });
    expect(r.status()[0]).toMatchObject({ state: 'live', checkpoint: position.toString() });
  });

  it('resumes from its checkpoint after a restart without applying an event twice', async () => {
    await append('a', 10);
    const first = startRunner([new StreamCounter()]);
    await first.waitFor(['stream-counter'], await store.headPosition(), 5000);
    await first.stop();
    await append('a', 5);
    const second = startRunner([new StreamCounter()]);
    expect(await second.waitFor(['stream-counter'], await store.headPosition(), 5000)).toBe(true);
    expect(countsOf(second.database('stream-counter'))).toEqual({ a: 15 });
  });

  it('parks a projection on the event it cannot apply, keeps what came before, and lets the others go on', async () => {
    await append('a', 3);
    const poison = await append('bad', 1, { poison: true });
    await append('a', 3);
    const r = startRunner([new StreamCounter(1), new StreamCounter(1, 'tolerant', true)]);
    expect(await r.waitFor(['tolerant'], await store.headPosition(), 5000)).toBe(true);
    await eventually(() => expect(r.status()[1].state).toBe('live'));
    const [stuck] = r.status();
    expect(stuck).toMatchObject({
      state: 'parked',
      checkpoint: (poison.position - 1n).toString(),
      parked: { position: poison.position.toString(), streamId: 'bad', type: 'Counted', error: 'Error: cannot digest this' },
    });
    expect(countsOf(r.database('stream-counter'))).toEqual({ a: 3 });
    expect(r.caughtUp()).toBe(false);
  });

  it('resumes a parked projection from the parked event once the code is fixed', async () => {
    await append('a', 2);
    await append('bad', 1, { poison: true });
    const broken = startRunner([new StreamCounter()]);
    await eventually(() => expect(broken.status()[0].state).toBe('parked'));
    await broken.stop();
    const fixed = startRunner([new StreamCounter(1, 'stream-counter', true)]);
    expect(await fixed.waitFor(['stream-counter'], await store.headPosition(), 5000)).toBe(true);
    expect(countsOf(fixed.database('stream-counter'))).toEqual({ a: 2, bad: 1 });
    await eventually(() => expect(fixed.status()[0].state).toBe('live'));
  });

  it('rebuilds a new version from position 0 while the old version keeps serving, then swaps', async () => {
    await builtByVersion1(30);

    const v2 = new ProjectionRunner({ store, dir: dir(), projections: [new StreamCounter(2)], batchSize: 7 });
    runner = v2;
    expect(v2.status()[0]).toMatchObject({ version: 2, state: 'building', servingVersion: 1, servingPosition: '30' });
    expect(v2.database('stream-counter').prepare('SELECT DISTINCT version FROM counts').pluck().all()).toEqual([1]);
    v2.start();
    expect(await v2.waitFor(['stream-counter'], 30n, 5000)).toBe(true);
    await eventually(() => expect(v2.status()[0]).toMatchObject({ version: 2, state: 'live', servingVersion: 2 }));
    expect(v2.database('stream-counter').prepare('SELECT version, n FROM counts').get()).toEqual({ version: 2, n: 30 });
    expect(existsSync(join(dir(), 'stream-counter.v1.sqlite'))).toBe(false);
  });

  it('keeps the previous version applying new events while the new one rebuilds, when the projection keeps its previous code', async () => {
    await builtByVersion1(30);
    // Version 2 cannot finish its rebuild here, so only v1 can bring queries forward.
    const withPrevious: Projection = Object.assign(stuckVersion2(), { previous: new StreamCounter(1) });
    const r = startRunner([withPrevious]);
    const { position } = await append('b', 3);
    expect(await r.waitFor(['stream-counter'], position, 5000)).toBe(true);
    expect(countsOf(r.database('stream-counter'))).toEqual({ a: 30, b: 3 });
    expect(r.status()[0]).toMatchObject({ version: 2, servingVersion: 1, servingPosition: String(position) });
  });

  it('takes no snapshots of the previous version while it advances (as-of answers start from the current one only)', async () => {
    await builtByVersion1(3);
    runner = new ProjectionRunner({ store, dir: dir(), projections: [Object.assign(stuckVersion2(), { previous: new StreamCounter(1) })], batchSize: 2, snapshotEvery: 4 });
    runner.start();
    const { position } = await append('b', 12);
    expect(await runner.waitFor(['stream-counter'], position, 5000)).toBe(true);
    expect(countsOf(runner.database('stream-counter'))).toEqual({ a: 3, b: 12 });
    expect(snapshotPositions(dir(), 'stream-counter', 1)).toEqual([]);
  });

  it('shows an advancing previous version that parks, and a retry resumes it', async () => {
    await builtByVersion1(3);
    const previous = new StreamCounter(1);
    const r = startRunner([Object.assign(stuckVersion2(), { previous })]);
    const { position } = await append('b', 1, { poison: true });
    await eventually(() => expect(r.status()[0].servingParked).toMatchObject({ position: String(position), error: 'Error: cannot digest this' }));
    Object.assign(previous, { poisonAllowed: true }); // the fix deployed
    r.retry('stream-counter');
    expect(await r.waitFor(['stream-counter'], position, 5000)).toBe(true);
    expect(countsOf(r.database('stream-counter'))).toEqual({ a: 3, b: 1 });
    expect(r.status()[0].servingParked).toBeUndefined();
  });

  it('stops feeding the previous version and removes its file once the new one has caught up', async () => {
    await builtByVersion1(30);
    const r = startRunner([Object.assign(new StreamCounter(2), { previous: new StreamCounter(1) })]);
    await eventually(() => expect(r.status()[0]).toMatchObject({ version: 2, state: 'live', servingVersion: 2 }));
    const { position } = await append('b', 2);
    expect(await r.waitFor(['stream-counter'], position, 5000)).toBe(true);
    expect(r.database('stream-counter').prepare('SELECT stream_id, version, n FROM counts ORDER BY stream_id').all()).toEqual([
      { stream_id: 'a', version: 2, n: 30 },
      { stream_id: 'b', version: 2, n: 2 },
    ]);
    expect(existsSync(join(dir(), 'stream-counter.v1.sqlite'))).toBe(false);
    expect(r.error()).toBeUndefined();
  });

  it('without the previous code, the old version answers frozen at its checkpoint until the rebuild catches up', async () => {
    const frozenAt = await builtByVersion1(30);
    const r = startRunner([stuckVersion2()]);
    await append('b', 3);
    await eventually(() => expect(r.status()[0].parked).toBeDefined());
    expect(r.position('stream-counter')).toBe(frozenAt);
    expect(countsOf(r.database('stream-counter'))).toEqual({ a: 30 });
  });

  it('announces committed changes on changes$', async () => {
    const r = startRunner([new StreamCounter()]);
    const changes = firstValueFrom(r.changes$.pipe(take(2), toArray()));
    await append('p', 2);
    expect((await changes).map((c) => ({ id: c.id, projection: c.projection }))).toEqual([
      { id: 'p', projection: 'stream-counter' },
      { id: 'p', projection: 'stream-counter' },
    ]);
  });

  it('gives up waiting for a position after the timeout', async () => {
    const r = startRunner([new StreamCounter()]);
    expect(await r.waitFor(['stream-counter'], 999n, 50)).toBe(false);
  });

  it('retries a read-model database that fails (locked by another process) without parking anything', async () => {
    await append('a', 3);
    const r = startRunner([new StreamCounter()]);
    expect(await r.waitFor(['stream-counter'], await store.headPosition(), 5000)).toBe(true);
    // Another process holds the write lock for longer than the busy timeout (5 s).
    const blocker = new BetterSqlite(readModelFile(dir(), 'stream-counter', 1));
    blocker.exec('BEGIN IMMEDIATE');
    const { position } = await append('b', 2);
    await eventually(() => expect(r.error()).toMatch(/^feeding stream-counter failed \(retried with backoff\): database is locked/), 15_000, 100);
    expect(r.status()[0]).toMatchObject({ state: 'live', checkpoint: String(position - 2n) });
    blocker.exec('ROLLBACK');
    blocker.close();
    expect(await r.waitFor(['stream-counter'], position, 15_000)).toBe(true);
    expect(countsOf(r.database('stream-counter'))).toEqual({ a: 3, b: 2 });
    await eventually(() => expect(r.error()).toBeUndefined(), 5000);
    expect(r.status()[0].parked).toBeUndefined();
  }, 40_000);

  it('keeps the running read models live while another one rebuilds from 0', async () => {
    await append('a', 400);
    const first = startRunner([new StreamCounter(1), new StreamCounter(1, 'other')]);
    await first.waitFor(['stream-counter', 'other'], await store.headPosition(), 5000);
    await first.stop();
    // Version 2 of stream-counter takes ~5 ms an event to rebuild: about 2 s for the log.
    const slow = new StreamCounter(2);
    const apply = slow.apply.bind(slow);
    slow.apply = (event, context) => {
      const until = Date.now() + 5;
      while (Date.now() < until);
      apply(event, context);
    };
    const r = startRunner([slow, new StreamCounter(1, 'other')], 20);
    const { position } = await append('b', 1);
    expect(await r.waitFor(['other'], position, 5000)).toBe(true);
    // The rebuild is still under way, and did not hold the other read model back.
    expect(r.status()[0]).toMatchObject({ name: 'stream-counter', version: 2, state: 'building', servingVersion: 1 });
    expect(countsOf(r.database('other'))).toEqual({ a: 400, b: 1 });
    expect(await r.waitFor(['stream-counter'], position, 20_000)).toBe(true);
    await eventually(() => expect(r.status()[0]).toMatchObject({ state: 'live', servingVersion: 2 }), 5000);
  }, 40_000);
});
