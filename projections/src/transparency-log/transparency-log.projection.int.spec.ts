import BetterSqlite from 'better-sqlite3';
import { join } from 'node:path';
import { eventLeafHash, MemoryMerkleNodes, MerkleTree, SqliteEventStore, StoredEvent, verifyConsistency, verifyInclusion } from '@c2g/event-store';
import { makeTempDir } from '../../../test/support/temp-dir';
import { snapshotPositions } from '../as-of/read-model-snapshots';
import { ProjectionRunner } from '../runner/projection-runner';
import { TransparencyLogProjection } from './transparency-log.projection';
import { leafIndexAt, positionOfLeaf, storedTree, storedTreeSize } from './transparency-log.queries';

describe('the transparency-log projection', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: SqliteEventStore;
  let runner: ProjectionRunner;
  const log: StoredEvent[] = [];

  beforeAll(async () => {
    temp = makeTempDir();
    store = new SqliteEventStore({ file: join(temp.dir, 'events.sqlite') });
    // Many small appends to three streams, so leaves interleave streams as the log does.
    for (let i = 0; i < 300; i += 1) await store.append(`stream-${i % 3}`, [{ type: 'Counted', data: { i } }, { type: 'Counted', data: { i, second: true } }]);
    for await (const event of store.readAll()) log.push(event);
    runner = new ProjectionRunner({ store, dir: join(temp.dir, 'read-models'), projections: [new TransparencyLogProjection()], batchSize: 97, snapshotEvery: 100 });
    runner.start();
    expect(await runner.waitFor(['transparency-log'], await store.headPosition(), 20_000)).toBe(true);
  });
  afterAll(async () => {
    await runner.stop();
    await store.close();
    temp.remove();
  });

  it('stores the tree of the log’s leaves in log order: every root equals the one computed from the log', () => {
    const db = runner.database('transparency-log');
    const memory = new MemoryMerkleNodes();
    const fromLog = new MerkleTree(memory);
    const stored = storedTree(db).tree;
    expect(storedTreeSize(db)).toBe(600);
    for (const [i, event] of log.entries()) {
      memory.append(eventLeafHash(event));
      if (i % 37 === 0 || i === log.length - 1) expect(stored.root(i + 1).toString('hex')).toBe(fromLog.root(i + 1).toString('hex'));
    }
    expect(leafIndexAt(db, log[417].position)).toBe(417);
    expect(positionOfLeaf(db, 417)).toBe(log[417].position);
  });

  it('answers an inclusion and a consistency proof from O(log n) stored nodes, and they verify', () => {
    const db = runner.database('transparency-log');
    const { tree, nodes } = storedTree(db);
    const root600 = tree.root(600);
    const readsForRoot = nodes.reads;
    expect(readsForRoot).toBeLessThanOrEqual(Math.ceil(Math.log2(600)));
    const proof = tree.inclusionProof(417, 600);
    expect(verifyInclusion(417, 600, eventLeafHash(log[417]), proof, root600)).toBe(true);
    const consistency = tree.consistencyProof(250, 600);
    expect(verifyConsistency(250, 600, consistency, tree.root(250), root600)).toBe(true);
    expect(nodes.reads).toBeLessThanOrEqual(4 * Math.ceil(Math.log2(600)));
  });

  it('builds the same tree when a batch is rolled back and applied again (the in-memory right edge is dropped)', () => {
    const db = new BetterSqlite(':memory:');
    const projection = new TransparencyLogProjection();
    projection.setup(db);
    const apply = (events: StoredEvent[]) => db.transaction(() => events.forEach((event) => projection.apply(event, { db } as never)))();
    apply(log.slice(0, 100));
    // A batch that fails after its tree writes (a full disk at commit, say) leaves nothing behind…
    expect(() =>
      db.transaction(() => {
        log.slice(100, 163).forEach((event) => projection.apply(event, { db } as never));
        throw new Error('disk full');
      })(),
    ).toThrow('disk full');
    // …and the runner applies it again from the checkpoint.
    apply(log.slice(100, 600));
    const memory = new MemoryMerkleNodes();
    for (const event of log) memory.append(eventLeafHash(event));
    const stored = storedTree(db).tree;
    for (const size of [1, 100, 101, 163, 164, 512, 600]) expect(stored.root(size).toString('hex')).toBe(new MerkleTree(memory).root(size).toString('hex'));
    expect(storedTreeSize(db)).toBe(600);
    db.close();
  });

  it('takes no snapshots of the tree (as-of answers never start from it; it would be copied whole every C2G_SNAPSHOT_EVERY)', () => {
    expect(snapshotPositions(join(temp.dir, 'read-models'), 'transparency-log', 1)).toEqual([]);
  });
});
