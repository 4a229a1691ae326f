import type { Database } from 'better-sqlite3';
import { StoredEvent } from '@c2g/event-store';
import { PreparedStatements } from '../runner/prepared-statements';
import { Projection, ProjectionContext } from '../runner/projection';

const sql = new PreparedStatements({
  record: `INSERT INTO timeline (second, position) VALUES (?, ?)
           ON CONFLICT (second) DO UPDATE SET position = max(position, excluded.position)`,
});

/**
 * The index that turns a date into a log position for as-of answers: per second of
 * `occurredAt`, the last position of an event stamped in it. An as-of date then means the
 * log up to the last event that occurred by then, found without scanning the log.
 */
export class LogTimelineProjection implements Projection {
  readonly name = 'log-timeline';
  readonly version = 1;

  setup(db: Database): void {
    db.exec('CREATE TABLE timeline (second TEXT PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID');
  }

  apply(event: StoredEvent, { db }: ProjectionContext): void {
    const occurredAt = event.metadata.occurredAt;
    if (typeof occurredAt !== 'string') return;
    sql.for(db).record.run(occurredAt.slice(0, 19), event.position);
  }
}

/** The last log position of an event that occurred at or before `until` (to the second); 0 when none did. */
export function positionAt(db: Database, until: string): bigint {
  const row = db.prepare('SELECT max(position) AS position FROM timeline WHERE second <= ?').safeIntegers(true).get(until.slice(0, 19)) as
    | { position: bigint | null }
    | undefined;
  return row?.position ?? 0n;
}
