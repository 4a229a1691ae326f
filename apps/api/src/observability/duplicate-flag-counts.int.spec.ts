import Database from 'better-sqlite3';
import type { EventStore } from '@c2g/event-store';
import { AsOfBuilds, DuplicateFlagsProjection, ReadSide } from '@c2g/projections';
import { Metrics } from './metrics';

/** The duplicate-flags read model of a version, with flags of three statuses. */
function readModel(projection: DuplicateFlagsProjection): Database.Database {
  const db = new Database(':memory:');
  projection.setup(db);
  const insert = db.prepare(`INSERT INTO dup_flags (flag_id, kind, a_id, b_id, community_id, sector, score, reasons, status, a_revision, b_revision, raised_at, position)
    VALUES (?, 'need-need', 'a', 'b', 'c', 'housing', 0.9, '[]', ?, 0, 0, '2026-01-01', 1)`);
  ['open', 'open', 'open', 'resolved', 'closed', 'closed'].forEach((status, i) => insert.run(`f${i}`, status));
  db.prepare("UPDATE dup_flags SET status = 'resolved' WHERE flag_id = 'f0'").run();
  return db;
}

async function scrapedCounts(db: Database.Database): Promise<string[]> {
  const store = { headPosition: async () => 0n } as unknown as EventStore;
  const readSide = { status: () => [], error: () => undefined, database: () => db } as unknown as ReadSide;
  const asOf = { inFlight: () => ({ running: 0, waiting: 0 }) } as unknown as AsOfBuilds;
  const metrics = new Metrics(store, readSide, asOf, store);
  return (await metrics.render()).split('\n').filter((line) => line.startsWith('c2g_duplicate_flags{'));
}

describe('c2g_duplicate_flags', () => {
  const expected = ['c2g_duplicate_flags{status="closed"} 2', 'c2g_duplicate_flags{status="open"} 2', 'c2g_duplicate_flags{status="resolved"} 2'];

  it('reads the counts per status that version 5 keeps', async () => {
    const db = readModel(new DuplicateFlagsProjection());
    expect(db.prepare('SELECT COUNT(*) AS n FROM dup_flag_counts').get()).toEqual({ n: 3 });
    expect((await scrapedCounts(db)).sort()).toEqual(expected);
  });

  it('counts the flags of version 4, which serves while version 5 rebuilds after an upgrade', async () => {
    const db = readModel(new DuplicateFlagsProjection().previous as DuplicateFlagsProjection);
    expect((await scrapedCounts(db)).sort()).toEqual(expected);
  });
});
