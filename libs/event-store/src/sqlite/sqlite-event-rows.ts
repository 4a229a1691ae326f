import type { Database, Statement } from 'better-sqlite3';
import { EventMetadata, StoredEvent } from '../port/stored-event';

export interface EventRow {
  position: bigint;
  event_id: string;
  stream_id: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
  prev_hash: string;
  hash: string;
}

export function rowToStoredEvent(row: EventRow): StoredEvent {
  const metadata = JSON.parse(row.metadata) as EventMetadata;
  metadata.prevHash = row.prev_hash;
  metadata.hash = row.hash;
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    type: row.type,
    revision: row.revision,
    position: row.position,
    data: JSON.parse(row.data),
    metadata,
  };
}

const COLUMNS = 'position, event_id, stream_id, revision, type, data, metadata, prev_hash, hash';

/** Every statement the store runs, prepared once per connection. */
export function prepareEventStatements(db: Database) {
  const bigints = <T extends Statement>(statement: T): T => statement.safeIntegers(true) as T;
  return {
    insert: db.prepare(
      `INSERT INTO events (event_id, stream_id, revision, type, data, metadata, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    tip: bigints(
      db.prepare(`SELECT revision, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1`),
    ),
    byEventId: bigints(db.prepare(`SELECT stream_id, revision, position FROM events WHERE event_id = ?`)),
    streamForwards: bigints(
      db.prepare(
        `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
      ),
    ),
    streamBackwards: bigints(
      db.prepare(
        `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      ),
    ),
    allForwards: bigints(
      db.prepare(`SELECT ${COLUMNS} FROM events WHERE position >= ? ORDER BY position ASC LIMIT ?`),
    ),
    head: bigints(db.prepare(`SELECT coalesce(max(position), 0) AS position FROM events`)),
  };
}

export type EventStatements = ReturnType<typeof prepareEventStatements>;
