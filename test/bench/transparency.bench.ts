import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { openSqliteDatabase, SqliteEventStore } from '../../libs/event-store/src';
import { storedTree, storedTreeSize, transparencyTreeFile } from '../../projections/src';
import { alternate, median } from './measure';

const CONCURRENCY = 64;

function projector(file: string, dir: string, withTree: boolean): Worker {
  return new Worker(join(__dirname, 'transparency-follower.ts'), {
    workerData: { file, dir, withTree },
    execArgv: ['-r', '@swc-node/register'],
    env: { ...process.env, SWC_NODE_PROJECT: process.env.SWC_NODE_PROJECT ?? join(__dirname, '..', '..', 'tsconfig.json') },
  });
}

interface Run {
  appendsPerSecond: number;
  /** How long after the last append until every read model covered the whole log. */
  lagMs: number;
  dir: string;
}

/**
 * 64 concurrent writers appending to their own streams (as store-appends.bench does) while
 * every read model follows in a worker thread, as the API's projector does: with the
 * transparency tree among them or without. The difference is what the tree costs appends.
 */
async function appends(total: number, withTree: boolean, keep = false): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'c2g-bench-tlog-'));
  const file = join(dir, 'events.sqlite');
  const store = new SqliteEventStore({ file });
  const worker = projector(file, join(dir, 'read-models'), withTree);
  await once(worker, 'message');
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, lane) => {
      for (let revision = 0; revision < total / CONCURRENCY; revision += 1) {
        await store.append(`pairing-pair-${lane}`, [{ type: 'PledgeMade', data: { pairingId: `pair-${lane}`, pledgeId: `p${lane}-${revision}`, year: 1, amount: { amount: 100_000 + revision, currency: 'USD' } }, metadata: { actor: 'bench' } }], {
          expectedRevision: revision === 0 ? 'no_stream' : BigInt(revision - 1),
        });
      }
    }),
  );
  const ended = process.hrtime.bigint();
  const appendsPerSecond = total / (Number(ended - started) / 1e9);
  worker.postMessage({ head: String(await store.headPosition()) });
  const [answer] = await once(worker, 'message');
  if (answer !== 'caught-up') throw new Error('the read models did not catch up with the log within 120 s');
  const lagMs = Number(process.hrtime.bigint() - ended) / 1e6;
  await worker.terminate();
  await store.close();
  if (!keep) rmSync(dir, { recursive: true, force: true });
  return { appendsPerSecond, lagMs, dir };
}

/** Inclusion and consistency proofs from the stored tree: nodes read and time per proof, at two tree sizes. */
function proofCost(dir: string, sizes: number[]): string[][] {
  const db = openSqliteDatabase(transparencyTreeFile(join(dir, 'read-models')), { readonly: true });
  try {
    const full = storedTreeSize(db);
    return sizes.map((n) => {
      const size = Math.min(n, full);
      const reads: number[] = [];
      const started = process.hrtime.bigint();
      const proofs = 200;
      for (let i = 0; i < proofs; i += 1) {
        const { tree, nodes } = storedTree(db);
        tree.root(size);
        tree.inclusionProof(Math.floor((i * 7919) % size), size);
        tree.consistencyProof(Math.max(1, Math.floor(size / 3) + i), size);
        reads.push(nodes.reads);
      }
      const micros = Number(process.hrtime.bigint() - started) / 1e3 / proofs;
      return [`root + inclusion + consistency at ${size.toLocaleString('en')} leaves`, `${median(reads)} node reads (log2 n = ${Math.log2(size).toFixed(1)}), ${Math.round(micros)} µs`];
    });
  } finally {
    db.close();
  }
}

export async function transparencyScenario(quick: boolean) {
  const total = quick ? 6_400 : 32_000;
  const lags = { without: [] as number[], with: [] as number[] };
  const { baseline, subject } = await alternate(
    quick ? 3 : 5,
    async () => {
      const run = await appends(total, false);
      lags.without.push(run.lagMs);
      return run.appendsPerSecond;
    },
    async () => {
      const run = await appends(total, true);
      lags.with.push(run.lagMs);
      return run.appendsPerSecond;
    },
  );
  const kept = await appends(total, true, true);
  const rows = proofCost(kept.dir, [1_000, total]);
  rmSync(kept.dir, { recursive: true, force: true });
  return {
    name: 'transparency log: appends while the read models follow in a worker thread, without and with the Merkle tree (WAL, synchronous=FULL, 64 writers)',
    rows: [
      ['appends, read models without the tree', `${Math.round(baseline)} events/s`],
      ['appends, read models and the tree', `${Math.round(subject)} events/s`],
      ['read models behind the last append by', `${Math.round(median(lags.without))} ms without the tree, ${Math.round(median(lags.with))} ms with it (median)`],
      ...rows,
    ],
    ratio: { key: 'transparencyAppendRatio', value: subject / baseline, target: '≥ 0.9' },
  };
}
