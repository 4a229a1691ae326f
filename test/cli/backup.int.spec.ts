import Database from 'better-sqlite3';
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { SqliteEventStore } from '@c2g/event-store';
import { EVENT_STORE_SCHEMA_VERSION } from '@c2g/event-store/sqlite/sqlite-schema';
import { BackupManifest } from '../../apps/cli/src/backup/manifest';
import { verifyBackup } from '../../apps/cli/src/backup/verify-backup';
import { collect } from '../support/collect';
import { runCli } from '../support/run-cli';
import { writeLegacyAccessFile, writeLegacyPersonFile } from '../support/legacy-node-files';
import { makeTempDir } from '../support/temp-dir';

/**
 * `c2g backup`, `c2g backup verify` and `c2g restore` on a data directory whose log has writes
 * still in its WAL (the store stays open, as a running server would): a good backup verifies,
 * and every way a copy goes bad is refused naming the problem: a copy made without the WAL (torn),
 * a truncated file, a tampered file (checksum), an altered event (hash chain), a missing manifest.
 * Restore never writes into a non-empty directory and never restores a backup that fails.
 */

const temp = makeTempDir('c2g-backup-');
const dataDir = join(temp.dir, 'data');
const backupDir = join(temp.dir, 'backup');
let live: SqliteEventStore;
let manifest: BackupManifest;
let backupRun: Awaited<ReturnType<typeof runCli>>;

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A copy of the good backup, changed by `damage`; `reseal` rewrites the manifest's size and sha256 to match (as a careless tool would). */
function damagedCopy(name: string, damage: (dir: string) => void, reseal?: string): string {
  const dir = join(temp.dir, name);
  cpSync(backupDir, dir, { recursive: true });
  damage(dir);
  if (reseal) {
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
    const entry = m.files.find((f) => f.name === reseal)!;
    entry.sha256 = sha256(join(dir, reseal));
    entry.bytes = statSync(join(dir, reseal)).size;
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m, null, 2));
  }
  return dir;
}

async function verifyProblem(dir: string): Promise<string> {
  return verifyBackup(dir).then(
    () => 'verified',
    (error: Error) => error.message,
  );
}

beforeAll(async () => {
  live = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
  for (let n = 0; n < 10; n += 1) {
    await live.append(`pairing-p${n}`, [{ type: 'PledgeMade', data: { n } }, { type: 'PledgeMade', data: { n, again: true } }]);
  }
  // Up to position 20 in the main file; 21..30 only in the WAL (the store stays open, like a running server).
  const checkpoint = new Database(join(dataDir, 'events.sqlite'));
  checkpoint.pragma('wal_checkpoint(TRUNCATE)');
  checkpoint.close();
  for (let n = 0; n < 10; n += 1) await live.append(`need-n${n}`, [{ type: 'NeedRecorded', data: { title: `need ${n}` } }]);
  // Files of a node not yet started on this version (they move into the log at its next start).
  writeLegacyAccessFile(join(dataDir, 'access.sqlite'), [{ keyId: 'k1', role: 'service', label: 'intake', secretHash: 'hash' }]);
  writeLegacyPersonFile(join(dataDir, 'persons.sqlite'), [{ personId: 'person-1', name: 'Noa Levi', email: 'noa@example.org' }]);

  backupRun = await runCli(['backup', '--data-dir', dataDir, '--to', backupDir]);
  manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8')) as BackupManifest;
}, 30_000);

afterAll(async () => {
  await live.close();
  temp.remove();
});

describe('c2g backup', () => {
  it('copies the log with the writes still in its WAL, the person store and the keys, and writes a manifest', () => {
    expect(backupRun.stderr).toBe('');
    expect(backupRun.code).toBe(0);
    expect(backupRun.stdout).toContain(`backed up ${dataDir} at position 30 (head hash ${manifest.log.headHash}), 30 events into ${backupDir}`);
    expect(backupRun.stdout).toMatch(/read models not included/);
    expect(readdirSync(backupDir).sort()).toEqual(['access.sqlite', 'events.sqlite', 'manifest.json', 'persons.sqlite']);
    expect(manifest).toMatchObject({
      format: 'c2g-backup/1',
      c2gVersion: JSON.parse(readFileSync('package.json', 'utf8')).version,
      store: 'sqlite',
      log: { position: 30, events: 30, headStreamId: 'need-n9' },
      notIncluded: expect.stringMatching(/read models .* are not included: they are rebuilt from the event log/),
    });
    expect(Date.parse(manifest.takenAt)).toBeGreaterThan(Date.now() - 60_000);
    for (const file of manifest.files) {
      expect(file).toMatchObject({ sha256: sha256(join(backupDir, file.name)), bytes: statSync(join(backupDir, file.name)).size, schemaVersion: file.name === 'events.sqlite' ? EVENT_STORE_SCHEMA_VERSION : 1 });
    }
    expect(manifest.files.map((f) => [f.name, f.applicationId])).toEqual([
      ['events.sqlite', 0x43324745],
      ['persons.sqlite', 0x43324750],
      ['access.sqlite', 0x43324741],
    ]);
  });

  it('refuses a non-empty target directory, and says why without a stack trace', async () => {
    const result = await runCli(['backup', '--data-dir', dataDir, '--to', backupDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^c2g backup: refusing to back up into .*backup: it is not empty \(access.sqlite, events.sqlite, manifest.json, …\); nothing is ever overwritten/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(sha256(join(backupDir, 'manifest.json'))).toBe(sha256(join(backupDir, 'manifest.json')));
  }, 30_000);

  it('refuses on EventStoreDB, pointing at the server\'s own procedure', async () => {
    const result = await runCli(['backup', '--to', join(temp.dir, 'esdb')], { EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:1?tls=false' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^c2g backup: the events live in EventStoreDB .*back the cluster up with its own procedure/);
    expect(existsSync(join(temp.dir, 'esdb'))).toBe(false);
  }, 30_000);
});

describe('c2g backup verify', () => {
  it('exits 0 on a good backup and reports the position it holds', async () => {
    const result = await runCli(['backup', 'verify', backupDir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `good: ${backupDir} holds position 30 (head hash ${manifest.log.headHash}), 30 events\n` +
        '  3 files match their size and sha256; 30 events in 20 streams, every hash chain verifies\n' +
        `  taken ${manifest.takenAt} by c2g ${manifest.c2gVersion}\n`,
    );
  }, 30_000);

  it('exits 1 on a torn copy: events.sqlite copied without its WAL while the store had uncheckpointed writes', async () => {
    const torn = damagedCopy('torn', (dir) => copyFileSync(join(dataDir, 'events.sqlite'), join(dir, 'events.sqlite')), 'events.sqlite');
    const result = await runCli(['backup', 'verify', torn]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `c2g backup verify: ${torn} is NOT a good backup: events.sqlite is a live WAL-mode database file copied as is, not a copy made by c2g backup: ` +
        'without its -wal it can miss committed events (a torn copy); take a backup with c2g backup\n',
    );
  }, 30_000);

  it('rejects a torn copy that passes for a self-contained file: its log ends before the manifest position', async () => {
    const torn = damagedCopy('torn-rollback', (dir) => {
      copyFileSync(join(dataDir, 'events.sqlite'), join(dir, 'events.sqlite'));
      const db = new Database(join(dir, 'events.sqlite')); // no -wal beside it: the last 10 events are gone
      db.pragma('journal_mode = DELETE');
      db.close();
    }, 'events.sqlite');
    expect(await verifyProblem(torn)).toBe(
      `torn copy: the log in events.sqlite ends at position 20 (head hash ${headHashAt(20)}) with 20 events, ` +
        `the manifest says position 30 (head hash ${manifest.log.headHash}) with 30 events`,
    );
  });

  it('exits 1 on a truncated copy, and on a tampered file naming its checksum', async () => {
    const truncated = damagedCopy('truncated', (dir) => truncateSync(join(dir, 'events.sqlite'), 4096));
    const tampered = damagedCopy('tampered', (dir) => {
      const file = join(dir, 'persons.sqlite');
      const bytes = readFileSync(file);
      bytes[bytes.length - 100] ^= 0xff;
      writeFileSync(file, bytes);
    });
    const [t, p] = await Promise.all([runCli(['backup', 'verify', truncated]), runCli(['backup', 'verify', tampered])]);
    expect([t.code, p.code]).toEqual([1, 1]);
    expect(t.stderr).toBe(`c2g backup verify: ${truncated} is NOT a good backup: events.sqlite is 4096 bytes, the manifest says ${manifest.files[0].bytes}: the file is truncated (a torn copy)\n`);
    expect(p.stderr).toMatch(new RegExp(`^c2g backup verify: ${tampered} is NOT a good backup: checksum mismatch: persons.sqlite has sha256 [0-9a-f]{64}, the manifest says ${manifest.files[1].sha256}: the file changed after the backup \\(damaged or tampered\\)\\n$`));
  }, 30_000);

  it('rejects a truncated copy even when its manifest was rewritten to match', async () => {
    const truncated = damagedCopy('truncated-resealed', (dir) => truncateSync(join(dir, 'events.sqlite'), statSync(join(dir, 'events.sqlite')).size - 4096), 'events.sqlite');
    expect(await verifyProblem(truncated)).toMatch(/^events.sqlite is damaged \(.*\): a torn or corrupted copy$/);
  });

  it('names the stream and revision of an event altered in the copy, even with the checksum rewritten', async () => {
    const altered = damagedCopy('altered', (dir) => {
      const db = new Database(join(dir, 'events.sqlite'));
      db.exec('DROP TRIGGER events_are_append_only_update');
      db.prepare(`UPDATE events SET data = '{"n":3,"again":false}' WHERE stream_id = 'pairing-p3' AND revision = 1`).run();
      db.close();
    }, 'events.sqlite');
    expect(await verifyProblem(altered)).toMatch(/^broken hash chain in events.sqlite: stream pairing-p3 revision 1 \(position 8\): content does not match its hash/);
  });

  it('rejects a directory without a manifest, and a live file\'s -wal beside the copies', async () => {
    const noManifest = damagedCopy('no-manifest', (dir) => writeFileSync(join(dir, 'manifest.json.partial'), '{}'));
    require('node:fs').rmSync(join(noManifest, 'manifest.json'));
    expect(await verifyProblem(noManifest)).toBe('not a c2g backup: there is no manifest.json (a backup that was interrupted never writes one)');
    const wal = damagedCopy('with-wal', (dir) => writeFileSync(join(dir, 'events.sqlite-wal'), 'x'));
    expect(await verifyProblem(wal)).toMatch(/^events.sqlite-wal beside the copies/);
  });
});

describe('c2g restore', () => {
  it('refuses a non-empty target and leaves it as it was', async () => {
    const target = join(temp.dir, 'occupied');
    cpSync(backupDir, target, { recursive: true });
    writeFileSync(join(target, 'events.sqlite'), 'precious');
    const result = await runCli(['restore', backupDir, '--data-dir', target]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^c2g restore: refusing to restore into .*occupied: it is not empty .*nothing is ever overwritten/);
    expect(readFileSync(join(target, 'events.sqlite'), 'utf8')).toBe('precious');
  }, 30_000);

  it('refuses a backup that fails verification, writing nothing', async () => {
    const tampered = damagedCopy('tampered-for-restore', (dir) => writeFileSync(join(dir, 'access.sqlite'), 'not the keys'));
    const target = join(temp.dir, 'restored-from-tampered');
    const result = await runCli(['restore', tampered, '--data-dir', target]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^c2g restore: access.sqlite is 12 bytes, the manifest says \d+/);
    expect(existsSync(target)).toBe(false);
  }, 30_000);

  it('restores a good backup into a new directory: the same log, persons and keys', async () => {
    const target = join(temp.dir, 'restored');
    const result = await runCli(['restore', backupDir, '--data-dir', target]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`restored events.sqlite, persons.sqlite, access.sqlite into ${target} at position 30`);
    expect(readdirSync(target).sort()).toEqual(['access.sqlite', 'events.sqlite', 'persons.sqlite']);
    const restored = new SqliteEventStore({ file: join(target, 'events.sqlite') });
    const events = await collect(restored.readAll());
    await restored.close();
    const original = await collect(live.readAll());
    expect(events.map((e) => [e.position, e.eventId, e.metadata.hash])).toEqual(original.map((e) => [e.position, e.eventId, e.metadata.hash]));
    const persons = new Database(join(target, 'persons.sqlite'), { readonly: true });
    expect(persons.prepare('SELECT name FROM persons WHERE person_id = ?').get('person-1')).toEqual({ name: 'Noa Levi' });
    persons.close();
  }, 30_000);
});

function headHashAt(position: number): string {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  const { hash } = db.prepare('SELECT hash FROM events WHERE position = ?').get(position) as { hash: string };
  db.close();
  return hash;
}
