import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '../../libs/event-store/src';
import { alternate } from './measure';

const CONCURRENCY = 64;

function payload(i: number) {
  return { pairingId: 'kfar-aza-boston', pledgeId: `p${i}`, year: 1, amount: { amount: 100_000 + i, currency: 'USD' } };
}

/** Raw better-sqlite3: the same rows, WAL + synchronous=FULL, inserted in batches of the same size a group commit makes. */
async function rawInserts(total: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'c2g-bench-'));
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT UNIQUE, stream_id TEXT, revision INTEGER, type TEXT, data TEXT, metadata TEXT, UNIQUE (stream_id, revision))');
  const insert = db.prepare('INSERT INTO events (event_id, stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)');
  const batch = db.transaction((from: number) => {
    for (let i = from; i < from + CONCURRENCY; i += 1) insert.run(randomUUID(), `s-${i % CONCURRENCY}`, Math.floor(i / CONCURRENCY), 'PledgeMade', JSON.stringify(payload(i)), '{}');
  });
  const started = process.hrtime.bigint();
  for (let i = 0; i < total; i += CONCURRENCY) batch(i);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return total / seconds;
}

/** c2g's store: 64 concurrent writers, each appending to its own stream with the expected revision. */
async function storeAppends(total: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'c2g-bench-'));
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, lane) => {
      for (let revision = 0; revision < total / CONCURRENCY; revision += 1) {
        await store.append(`s-${lane}`, [{ type: 'PledgeMade', data: payload(lane + revision * CONCURRENCY), metadata: { actor: 'bench' } }], {
          expectedRevision: revision === 0 ? 'no_stream' : BigInt(revision - 1),
        });
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return total / seconds;
}

export async function storeAppendScenario(quick: boolean) {
  const total = quick ? 6_400 : 32_000;
  const { baseline, subject } = await alternate(quick ? 3 : 5, () => rawInserts(total), () => storeAppends(total));
  return {
    name: 'store appends (WAL, synchronous=FULL, 64 concurrent writers)',
    rows: [
      ['raw better-sqlite3 batched inserts', `${Math.round(baseline)} events/s`],
      ['c2g SqliteEventStore.append', `${Math.round(subject)} events/s`],
    ],
    ratio: { key: 'storeAppendRatio', value: subject / baseline, target: '≥ 0.5' },
  };
}
