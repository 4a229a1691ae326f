import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  eventLeafEntry, EventStore, NoteSigner, openCheckpoint, parseVerifierKey, signCheckpoint, signingKeyFile,
  SqliteEventStore, StoredEvent, verifyConsistency, verifyInclusion,
} from '@c2g/event-store';
import { transparencyTreeFile } from '@c2g/projections';
import { verifyLogAgainstCheckpoint } from '../../apps/cli/src/transparency/verify-against-checkpoint';
import { witnessOnce } from '../../apps/cli/src/transparency/witness';
import { apiClient } from '../support/api-client';
import { boston, kfarAza, kfarAzaBoston, mattresses } from '../support/program-fixtures';
import { MTH, referenceLeafHash } from '../support/rfc9162-reference';
import { runCli } from '../support/run-cli';
import { storeBackends } from '../support/store-backends';
import { makeTempDir } from '../support/temp-dir';
import { openForTampering, rewriteStream } from '../support/tamper';
import { startTestApp, TestApp } from '../support/test-app';

/** Copies a SQLite file another connection may be writing, with SQLite's backup API. */
async function copySqlite(from: string, to: string): Promise<void> {
  const db = new Database(from, { readonly: true });
  try {
    await db.backup(to);
  } finally {
    db.close();
  }
}

const hexes = (hashes: string[]) => hashes.map((hash) => Buffer.from(hash, 'hex'));

async function readLog(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}

/** The program's first steps: two communities, a pairing, pledges, a need. */
async function recordSomeProgram(api: ReturnType<typeof apiClient>): Promise<void> {
  await api.post('/communities', kfarAza);
  await api.post('/communities', boston);
  await api.post('/pairings', kfarAzaBoston);
  for (const year of [1, 2]) await api.post('/pairings/kfar-aza-boston/pledges', { id: `y${year}`, year, amount: { amount: 100_000 * year, currency: 'USD' } });
  await api.post('/needs', mattresses);
}

describe.each(storeBackends())('the transparency log on %s', (backendName, makeBackend) => {
  let backend: Awaited<ReturnType<typeof makeBackend>>;
  let harness: TestApp;
  let api: ReturnType<typeof apiClient>;
  let store: EventStore;
  const audit = async (url: string) => api.get(url, { role: 'auditor' });

  beforeAll(async () => {
    backend = await makeBackend();
    harness = await startTestApp(backend.env);
    api = apiClient(harness);
    await harness.keyFor('auditor');
    await recordSomeProgram(api);
    store = backend.open(harness.dataDir);
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await harness.stop();
    await backend.stop();
  });

  it('signs a checkpoint of the whole log: its root is RFC 9162’s MTH of the log’s leaves, and it verifies with the published key', async () => {
    const key = await audit('/audit/public-key');
    expect(key.status).toBe(200);
    const verifier = parseVerifierKey(key.body.verifierKey);
    expect(key.body).toMatchObject({ algorithm: 'Ed25519', keyName: 'c2g/transparency-log', keyId: verifier.keyId.toString('hex'), publicKey: verifier.publicKey.toString('base64') });

    const { status, body } = await audit('/audit/checkpoint');
    expect(status).toBe(200);
    const log = await readLog(store);
    const signed = openCheckpoint(body.note, verifier);
    expect(signed).toEqual({ origin: 'c2g/transparency-log', treeSize: log.length, rootHash: MTH(log.map(eventLeafEntry)), timestamp: body.timestamp });
    expect(body).toMatchObject({ treeSize: log.length, rootHash: signed.rootHash.toString('hex'), verifierKey: key.body.verifierKey });
    expect(body.note).toBe(`c2g/transparency-log\n${log.length}\n${signed.rootHash.toString('base64')}\ntimestamp ${body.timestamp}\n\n— c2g/transparency-log ${body.note.split(' ').pop()}`);
  });

  it('proves every event’s inclusion by its position, and that a later checkpoint extends an earlier one', async () => {
    const first = (await audit('/audit/checkpoint')).body;
    await api.post('/pairings/kfar-aza-boston/pledges', { id: 'y3', year: 3, amount: { amount: 300_000, currency: 'USD' } });
    const second = (await audit('/audit/checkpoint')).body;
    expect(second.treeSize).toBeGreaterThan(first.treeSize);

    const log = await readLog(store);
    expect(log).toHaveLength(second.treeSize);
    for (const [leafIndex, event] of log.entries()) {
      const { status, body } = await audit(`/audit/events/${event.position}/inclusion?treeSize=${second.treeSize}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ position: event.position.toString(), leafIndex, treeSize: second.treeSize, rootHash: second.rootHash });
      expect(verifyInclusion(leafIndex, second.treeSize, referenceLeafHash(eventLeafEntry(event)), hexes(body.auditPath), Buffer.from(second.rootHash, 'hex'))).toBe(true);
    }
    const consistency = await audit(`/audit/consistency?from=${first.treeSize}&to=${second.treeSize}`);
    expect(consistency.status).toBe(200);
    expect(verifyConsistency(first.treeSize, second.treeSize, hexes(consistency.body.proof), Buffer.from(first.rootHash, 'hex'), Buffer.from(second.rootHash, 'hex'))).toBe(true);

    const history = await audit(`/audit/checkpoints?from=${first.treeSize}`);
    expect(history.body.items.map((c: { treeSize: number; rootHash: string }) => [c.treeSize, c.rootHash])).toEqual([
      [first.treeSize, first.rootHash],
      [second.treeSize, second.rootHash],
    ]);
  });

  it('answers a bad proof request with a 4xx naming the problem, and an analyst with 403', async () => {
    const size = (await audit('/audit/checkpoint')).body.treeSize;
    const [firstEvent] = await readLog(store);
    expect((await audit(`/audit/events/${firstEvent.position}/inclusion?treeSize=${size + 1}`)).body).toMatchObject({ code: 'tree-size-beyond-tree', message: `treeSize ${size + 1} is beyond the tree, which has ${size} events now` });
    expect((await audit(`/audit/consistency?from=${size}&to=1`)).body).toMatchObject({ code: 'tree-sizes-reversed' });
    expect((await audit('/audit/events/99999999999/inclusion')).status).toBe(404);
    expect((await audit('/audit/events/9999999999999999999/inclusion')).body).toMatchObject({ code: 'event-not-in-tree' });
    const bad = await audit('/audit/events/first/inclusion');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('position must be a log position');
    expect((await audit('/audit/consistency')).status).toBe(400);
    expect((await api.get('/audit/checkpoint', { role: 'analyst' })).status).toBe(403);
  });

  // On SQLite the CLI's passing path is run by the --event test below (each CLI run costs seconds of CI).
  (backendName.startsWith('EventStoreDB') ? it : it.skip)('c2g verify --checkpoint reads this store and finds the log consistent with the saved checkpoint', async () => {
    const saved = join(harness.dataDir, 'saved.json');
    const checkpoint = (await audit('/audit/checkpoint')).body;
    writeFileSync(saved, JSON.stringify(checkpoint));
    const result = await runCli(['verify', '--data-dir', harness.dataDir, '--checkpoint', saved], backend.env);
    expect(result.stdout).toContain(`consistent: the log's first ${checkpoint.treeSize} events give the checkpoint's root ${checkpoint.rootHash}`);
    expect(result.stdout).toContain(`key: ${checkpoint.verifierKey} (the data directory’s signing key); signature verified`);
    expect(result.code).toBe(0);
  }, 60_000);
});

describe('an earlier checkpoint finds what the hash chains cannot (SQLite file tampered with)', () => {
  let harness: TestApp;
  let api: ReturnType<typeof apiClient>;
  let log: StoredEvent[];
  let checkpoint: { treeSize: number; rootHash: string; verifierKey: string; note: string };
  let original: ReturnType<typeof makeTempDir>;
  const copies: ReturnType<typeof makeTempDir>[] = [];

  beforeAll(async () => {
    harness = await startTestApp();
    api = apiClient(harness);
    await harness.keyFor('auditor');
    await recordSomeProgram(api);
    checkpoint = (await api.get('/audit/checkpoint', { role: 'auditor' })).body;
    // A copy of the data the checkpoint covers (the log and the server's tree), taken with SQLite's backup API.
    original = makeTempDir();
    mkdirSync(join(original.dir, 'read-models'));
    await copySqlite(join(harness.dataDir, 'events.sqlite'), join(original.dir, 'events.sqlite'));
    await copySqlite(transparencyTreeFile(join(harness.dataDir, 'read-models')), transparencyTreeFile(join(original.dir, 'read-models')));
    writeFileSync(join(original.dir, 'saved.json'), JSON.stringify(checkpoint));
    const store = new SqliteEventStore({ file: join(original.dir, 'events.sqlite') });
    log = await readLog(store);
    await store.close();
    expect(log).toHaveLength(checkpoint.treeSize);
  }, 60_000);
  afterAll(async () => {
    await harness.stop();
    original.remove();
    for (const copy of copies) copy.remove();
  });

  /** A fresh copy of the checkpointed data directory to tamper with. */
  async function copyOfData(): Promise<string> {
    const copy = makeTempDir();
    copies.push(copy);
    mkdirSync(join(copy.dir, 'read-models'));
    await copySqlite(join(original.dir, 'events.sqlite'), join(copy.dir, 'events.sqlite'));
    await copySqlite(transparencyTreeFile(join(original.dir, 'read-models')), transparencyTreeFile(join(copy.dir, 'read-models')));
    return copy.dir;
  }
  const signed = () => openCheckpoint(checkpoint.note, parseVerifierKey(checkpoint.verifierKey));
  const againstCheckpoint = async (dataDir: string) => {
    const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
    try {
      return await verifyLogAgainstCheckpoint(store, join(dataDir, 'read-models'), signed());
    } finally {
      await store.close();
    }
  };

  it('a stream rewritten with recomputed chain hashes: plain verify passes, verify --checkpoint fails naming the first rewritten position', async () => {
    const dataDir = await copyOfData();
    rewriteStream(join(dataDir, 'events.sqlite'), 'pairing-kfar-aza-boston', (data, row) => (row.type === 'PledgeMade' ? { ...data, amount: { amount: 1, currency: 'USD' } } : data));
    const firstRewritten = log.find((e) => e.streamId === 'pairing-kfar-aza-boston' && e.type === 'PledgeMade')!;

    const plain = await runCli(['verify', '--data-dir', dataDir]);
    expect(plain.stdout).toMatch(/^intact: \d+ events in \d+ streams\n$/);
    expect(plain.code).toBe(0);

    const saved = join(original.dir, 'saved.json');
    const result = await runCli(['verify', '--data-dir', dataDir, '--checkpoint', saved, '--key', checkpoint.verifierKey]);
    expect(result.stdout).toContain(`NOT CONSISTENT: the log does not extend checkpoint ${checkpoint.treeSize}`);
    expect(result.stdout).toContain(
      `first difference at position ${firstRewritten.position} (leaf ${log.indexOf(firstRewritten)}): the log now has position ${firstRewritten.position} (stream pairing-kfar-aza-boston revision ${firstRewritten.revision}) there, not the event that was signed`,
    );
    expect(result.code).toBe(1);

    const event = await runCli(['verify', '--data-dir', dataDir, '--checkpoint', saved, '--key', checkpoint.verifierKey, '--event', String(firstRewritten.position)]);
    expect(event.stdout).toContain(`NOT INCLUDED: position ${firstRewritten.position} (stream pairing-kfar-aza-boston revision ${firstRewritten.revision}) as stored now is not leaf`);
    expect(event.code).toBe(1);
  }, 90_000);

  it('an untouched event is still proven in the checkpoint by c2g verify --event', async () => {
    const untouched = log.find((e) => e.streamId === 'community-boston')!;
    const result = await runCli(['verify', '--data-dir', original.dir, '--checkpoint', join(original.dir, 'saved.json'), '--key', checkpoint.verifierKey, '--event', String(untouched.position)]);
    expect(result.stdout).toContain(`included: position ${untouched.position} (stream community-boston revision 0) is leaf ${log.indexOf(untouched)} of the tree of ${checkpoint.treeSize} events`);
    expect(result.code).toBe(0);
  }, 60_000);

  it('a dropped tail is named by the first missing position', async () => {
    const dataDir = await copyOfData();
    const db = openForTampering(join(dataDir, 'events.sqlite'));
    db.prepare('DELETE FROM events WHERE position >= ?').run(log[log.length - 2].position);
    db.close();
    const verdict = await againstCheckpoint(dataDir);
    expect(verdict.ok).toBe(false);
    expect(verdict.lines).toContain(
      `first difference at leaf ${log.length - 2}: the checkpoint has the event at position ${log[log.length - 2].position} there, the log ends after ${log.length - 2} events (its tail was dropped)`,
    );
    expect(verdict.lines).toContain(`chains: intact (${log.length - 2} events in ${new Set(log.slice(0, -2).map((e) => e.streamId)).size} streams)`);
  });

  it('a removed stream is named by its first position', async () => {
    const dataDir = await copyOfData();
    const db = openForTampering(join(dataDir, 'events.sqlite'));
    db.prepare("DELETE FROM events WHERE stream_id = 'community-boston'").run();
    db.close();
    const first = log.findIndex((e) => e.streamId === 'community-boston');
    const verdict = await againstCheckpoint(dataDir);
    expect(verdict.ok).toBe(false);
    expect(verdict.lines[1]).toMatch(new RegExp(`^first difference at position ${log[first].position} \\(leaf ${first}\\): the log now has position ${log[first + 1].position} `));
    expect(verdict.lines[2]).toMatch(/^chains: intact/);
  });

  it('a reordered pair (two streams’ events swapped in the log) is named by the first of the pair', async () => {
    const dataDir = await copyOfData();
    const at = log.findIndex((e, i) => i > 0 && log[i + 1] && log[i + 1].streamId !== e.streamId);
    const [a, b] = [log[at], log[at + 1]];
    const db = openForTampering(join(dataDir, 'events.sqlite'));
    db.transaction(() => {
      db.prepare('UPDATE events SET position = -1 WHERE position = ?').run(a.position);
      db.prepare('UPDATE events SET position = ? WHERE position = ?').run(a.position, b.position);
      db.prepare('UPDATE events SET position = ? WHERE position = -1').run(b.position);
    })();
    db.close();
    const verdict = await againstCheckpoint(dataDir);
    expect(verdict.ok).toBe(false);
    expect(verdict.lines[1]).toBe(`first difference at position ${a.position} (leaf ${at}): the log now has position ${a.position} (stream ${b.streamId} revision ${b.revision}) there, not the event that was signed`);
    expect(verdict.lines[2]).toMatch(/^chains: intact/);
  });

  it('without the signed tree (read models rebuilt from the altered log, or gone) it still fails, saying the position cannot be named', async () => {
    const dataDir = await copyOfData();
    rmSync(transparencyTreeFile(join(dataDir, 'read-models')));
    rewriteStream(join(dataDir, 'events.sqlite'), 'need-mattresses', (data) => ({ ...data, quantity: 12 }));
    const verdict = await againstCheckpoint(dataDir);
    expect(verdict.ok).toBe(false);
    expect(verdict.lines[1]).toBe('the stored tree no longer has the signed leaves (rebuilt from the altered log?), so the first differing position cannot be named');
  });

  it('an intact copy is consistent, and the stored tree agrees with it', async () => {
    const verdict = await againstCheckpoint(original.dir);
    expect(verdict).toEqual({
      ok: true,
      lines: [
        `consistent: the log's first ${checkpoint.treeSize} events give the checkpoint's root ${checkpoint.rootHash} (signed ${signed().timestamp})`,
        `the log has ${checkpoint.treeSize} events now; tree root ${checkpoint.rootHash}`,
        `chains: intact (${log.length} events in ${new Set(log.map((e) => e.streamId)).size} streams)`,
        `the server's stored tree agrees with the log up to ${checkpoint.treeSize} events`,
      ],
    });
  });

  describe('c2g witness', () => {
    let url: string;
    let state: ReturnType<typeof makeTempDir>;
    let signer: NoteSigner;
    let options: { url: string; key: string; state: string; apiKey: string };

    beforeAll(async () => {
      await harness.app.listen(0, '127.0.0.1');
      url = await harness.app.getUrl();
      state = makeTempDir();
      signer = NoteSigner.parse(readFileSync(signingKeyFile(harness.dataDir), 'utf8'));
      options = { url, key: checkpoint.verifierKey, state: state.dir, apiKey: await harness.keyFor('auditor') };
    });
    afterAll(() => state.remove());

    /** Puts a checkpoint signed with the log's own key into the witness's state: a log that showed this witness another history. */
    const seenBefore = (treeSize: number, rootHash: Buffer) => {
      const note = signCheckpoint(signer, { origin: 'c2g/transparency-log', treeSize, rootHash, timestamp: '2026-01-01T00:00:00.000Z' });
      writeFileSync(join(state.dir, 'checkpoint.json'), JSON.stringify({ note }));
    };

    it('keeps the first checkpoint, then accepts a larger one only with a consistency proof it verified', async () => {
      const first = await witnessOnce(options);
      expect(first).toEqual({ ok: true, lines: [expect.stringMatching(/^first checkpoint kept: size \d+/)] });
      const kept = JSON.parse(readFileSync(join(state.dir, 'checkpoint.json'), 'utf8'));
      await api.post('/needs/mattresses/fulfilment', {});
      const second = await witnessOnce(options);
      expect(second.ok).toBe(true);
      expect(second.lines[0]).toMatch(new RegExp(`^consistent: ${kept.treeSize} → ${kept.treeSize + 1} events \\(proof of \\d+ hashes verified\\)`));
      expect(readFileSync(join(state.dir, 'history.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
    });

    it('refuses a fork loudly, keeps its state and the evidence: other root at a size it saw, a history rewritten before it, a log that shrank', async () => {
      const now = (await api.get('/audit/checkpoint', { role: 'auditor' })).body;
      seenBefore(now.treeSize, Buffer.alloc(32, 1));
      const sameSize = await witnessOnce(options);
      expect(sameSize.ok).toBe(false);
      expect(sameSize.lines.slice(0, 2)).toEqual(['!!! FORK: THE LOG DOES NOT EXTEND WHAT THIS WITNESS SAW BEFORE !!!', `two different roots were signed for ${now.treeSize} events`]);
      expect(JSON.parse(readFileSync(join(state.dir, 'checkpoint.json'), 'utf8')).note).toContain(Buffer.alloc(32, 1).toString('base64'));

      seenBefore(3, MTH([Buffer.from('another'), Buffer.from('history'), Buffer.from('entirely')]));
      const rewritten = await witnessOnce(options);
      expect(rewritten.lines[1]).toBe(`the consistency proof from 3 to ${now.treeSize} does not verify: the first 3 events were rewritten, removed or reordered`);

      seenBefore(now.treeSize + 5, Buffer.alloc(32, 2));
      const result = await runCli(['witness', '--url', url, '--key', checkpoint.verifierKey, '--state', state.dir], { C2G_API_KEY: options.apiKey });
      expect(result.stderr).toContain('!!! FORK: THE LOG DOES NOT EXTEND WHAT THIS WITNESS SAW BEFORE !!!');
      expect(result.stderr).toContain(`the log shrank from ${now.treeSize + 5} to ${now.treeSize} events`);
      expect(result.code).toBe(1);
    }, 60_000);

    it('refuses a checkpoint not signed by the pinned key', async () => {
      await expect(witnessOnce({ ...options, key: NoteSigner.generate('c2g/transparency-log').verifierKey })).rejects.toThrow('no signature by c2g/transparency-log');
    });
  });
});
