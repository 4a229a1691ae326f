import type { Database } from 'better-sqlite3';
import { eventLeafHash, nodesCompletedBy, StoredEvent } from '@c2g/event-store';
import { PreparedStatements } from '../runner/prepared-statements';
import { Projection } from '../runner/projection';

export const TRANSPARENCY_LOG = 'transparency-log';
export const TRANSPARENCY_LOG_VERSION = 1;

/** The tree's statements, prepared once per connection: the projection's and the proofs' (transparency-log.queries.ts). */
export const treeStatements = new PreparedStatements({
  size: 'SELECT leaf_index FROM leaves ORDER BY position DESC LIMIT 1',
  leafAt: 'SELECT leaf_index FROM leaves WHERE position = ?',
  leaf: 'INSERT INTO leaves (leaf_index, position) VALUES (?, ?)',
  node: 'SELECT hash FROM nodes WHERE level = ? AND node_index = ?',
  store: 'INSERT INTO nodes (level, node_index, hash) VALUES (?, ?, ?)',
});

/**
 * What the tree's next leaf needs, kept between events of one read-model file: its size and
 * the last node completed at each level (the only nodes a new leaf can pair with). Valid while
 * events arrive in log order; an event at or below the last one applied means a batch was
 * rolled back and applied again, and the edge is read afresh from the file.
 */
interface RightEdge {
  size: number;
  lastPosition: bigint;
  lastAtLevel: { index: number; hash: Buffer }[];
}

const rightEdges = new WeakMap<Database, RightEdge>();

/**
 * The transparency log's Merkle tree (RFC 9162 shape) right behind the event log: leaf i is
 * the i-th event of the global log (an ordinal — positions are not contiguous on EventStoreDB),
 * and every complete subtree's hash is stored once, so a root or proof for any tree size is
 * O(log n) reads. Appending a leaf writes it and the subtrees it completes: amortised two
 * nodes, at most log2(n) + 1. Derived from the log like every read model, so a rebuild
 * recomputes it and can be checked against earlier signed checkpoints.
 */
export class TransparencyLogProjection implements Projection {
  readonly name = TRANSPARENCY_LOG;
  readonly version = TRANSPARENCY_LOG_VERSION;
  /** Proofs are answered for any size from the live tree; snapshots would only copy it (≈ 100 MB a million events) every C2G_SNAPSHOT_EVERY. */
  readonly snapshots = false;

  setup(db: Database): void {
    db.exec(`
      -- Keyed by position (the rowid): one b-tree per leaf; positions grow with leaf indexes.
      CREATE TABLE leaves (position INTEGER PRIMARY KEY, leaf_index INTEGER NOT NULL);
      CREATE TABLE nodes (level INTEGER NOT NULL, node_index INTEGER NOT NULL, hash BLOB NOT NULL, PRIMARY KEY (level, node_index)) WITHOUT ROWID;
    `);
  }

  apply(event: StoredEvent, { db }: { db: Database }): void {
    const statements = treeStatements.for(db);
    let edge = rightEdges.get(db);
    if (!edge || event.position <= edge.lastPosition) {
      const last = statements.size.get() as { leaf_index: number } | undefined;
      rightEdges.set(db, (edge = { size: last ? last.leaf_index + 1 : 0, lastPosition: -1n, lastAtLevel: [] }));
    }
    const known = edge.lastAtLevel;
    statements.leaf.run(edge.size, event.position);
    const sibling = (level: number, index: number) =>
      known[level]?.index === index ? known[level].hash : (statements.node.get(level, index) as { hash: Buffer }).hash;
    for (const completed of nodesCompletedBy(edge.size, eventLeafHash(event), sibling)) {
      statements.store.run(completed.level, completed.index, completed.hash);
      known[completed.level] = completed;
    }
    edge.size += 1;
    edge.lastPosition = event.position;
  }
}
