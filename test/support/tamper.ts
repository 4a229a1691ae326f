import Database from 'better-sqlite3';
import { computeEventHash, GENESIS_HASH } from '@c2g/event-store';

/** Opens a SQLite event log with its append-only triggers dropped: what an intruder with the file can do. */
export function openForTampering(eventsFile: string): Database.Database {
  const db = new Database(eventsFile);
  db.exec('DROP TRIGGER IF EXISTS events_are_append_only_update; DROP TRIGGER IF EXISTS events_are_append_only_delete');
  return db;
}

export interface EventRowForTampering { position: number; event_id: string; stream_id: string; revision: number; type: string; data: string; metadata: string }

/** Rewrites every event of a stream and recomputes its whole hash chain, so the chains verify again. */
export function rewriteStream(
  eventsFile: string,
  streamId: string,
  change: (data: Record<string, unknown>, row: EventRowForTampering) => Record<string, unknown>,
): void {
  const db = openForTampering(eventsFile);
  let prevHash = GENESIS_HASH;
  for (const row of db.prepare('SELECT * FROM events WHERE stream_id = ? ORDER BY revision').all(streamId) as EventRowForTampering[]) {
    const data = change(JSON.parse(row.data), row);
    const hash = computeEventHash({ eventId: row.event_id, type: row.type, data, metadata: { ...JSON.parse(row.metadata), prevHash } });
    db.prepare('UPDATE events SET data = ?, prev_hash = ?, hash = ? WHERE position = ?').run(JSON.stringify(data), prevHash, hash, row.position);
    prevHash = hash;
  }
  db.close();
}
