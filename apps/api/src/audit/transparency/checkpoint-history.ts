import type { Database } from 'better-sqlite3';
import { openMigratedSqliteDatabase, SqliteSchema } from '@c2g/event-store';

const SCHEMA: SqliteSchema = {
  applicationId: 0x43324743, // 'C2GC'
  kind: 'checkpoint history',
  migrations: [
    `CREATE TABLE checkpoints (
       tree_size INTEGER PRIMARY KEY, root_hash TEXT NOT NULL, timestamp TEXT NOT NULL, note TEXT NOT NULL, verifier_key TEXT NOT NULL
     );`,
  ],
};

export interface StoredCheckpoint {
  treeSize: number;
  rootHash: string;
  timestamp: string;
  note: string;
  verifierKey: string;
}

/**
 * Every checkpoint this server signed, in data/checkpoints.sqlite: outside the read models (a
 * rebuild recomputes the tree, never this history) and outside the log (a checkpoint appended
 * as an event would grow the tree it signs). Durable like the log (synchronous=FULL).
 */
export class CheckpointHistory {
  private readonly statements;

  private constructor(private readonly db: Database) {
    this.statements = {
      latest: db.prepare(`SELECT ${COLUMNS} FROM checkpoints ORDER BY tree_size DESC LIMIT 1`),
      add: db.prepare('INSERT INTO checkpoints (tree_size, root_hash, timestamp, note, verifier_key) VALUES (?, ?, ?, ?, ?)'),
      from: db.prepare(`SELECT ${COLUMNS} FROM checkpoints WHERE tree_size >= ? ORDER BY tree_size LIMIT ?`),
    };
  }

  static open(file: string): CheckpointHistory {
    return new CheckpointHistory(openMigratedSqliteDatabase(file, SCHEMA));
  }

  latest(): StoredCheckpoint | undefined {
    return this.statements.latest.get() as StoredCheckpoint | undefined;
  }

  add(checkpoint: StoredCheckpoint): void {
    this.statements.add.run(checkpoint.treeSize, checkpoint.rootHash, checkpoint.timestamp, checkpoint.note, checkpoint.verifierKey);
  }

  /** Checkpoints of tree size ≥ `fromSize`, oldest first. */
  from(fromSize: number, limit: number): StoredCheckpoint[] {
    return this.statements.from.all(fromSize, limit) as StoredCheckpoint[];
  }

  close(): void {
    this.db.close();
  }
}

const COLUMNS = 'tree_size AS treeSize, root_hash AS rootHash, timestamp, note, verifier_key AS verifierKey';
