import type { Database } from 'better-sqlite3';

/** The last event of a log and how many it holds, as one connection sees it now. */
export interface LogHead {
  position: number;
  headHash: string | null;
  headEventId: string | null;
  headStreamId: string | null;
  events: number;
}

export function readLogHead(db: Database): LogHead {
  const last = db
    .prepare('SELECT position, event_id, stream_id, hash FROM events ORDER BY position DESC LIMIT 1')
    .get() as { position: number; event_id: string; stream_id: string; hash: string } | undefined;
  const { n } = db.prepare('SELECT count(*) AS n FROM events').get() as { n: number };
  return {
    position: last?.position ?? 0,
    headHash: last?.hash ?? null,
    headEventId: last?.event_id ?? null,
    headStreamId: last?.stream_id ?? null,
    events: n,
  };
}

export function readSchemaStamp(db: Database): { applicationId: number; schemaVersion: number } {
  return {
    applicationId: db.pragma('application_id', { simple: true }) as number,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
  };
}

export function describeHead(head: Pick<LogHead, 'position' | 'headHash'>): string {
  return `position ${head.position} (head hash ${head.headHash ?? 'none: empty log'})`;
}
