import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore, verifyChains } from '@c2g/event-store';
import { BackupManifest } from '../../apps/cli/src/backup/manifest';
import { collect } from '../support/collect';
import { dumpReadModels } from '../support/dump-read-models';
import { eventually } from '../support/eventually';
import { boston, kfarAza, kfarAzaBoston, teamMember } from '../support/program-fixtures';
import { runCli } from '../support/run-cli';
import { exited, runTs } from '../support/run-ts';
import { issueKey, postJson, SERVER_ADMIN_KEY, ServerProcess, startServer } from '../support/server-process';
import { makeTempDir } from '../support/temp-dir';

/**
 * The backup drill: a server takes community registrations from four clients; in the middle,
 * `c2g backup` (its own process) backs the data directory up while they keep writing; the
 * clients go on after it. The backup is restored into a fresh directory and a server started on
 * it. Then: every command acknowledged at or before the backup's position is in the restored log
 * exactly once, none acknowledged after it is, the restored log is exactly the original's prefix
 * up to that position, the chains verify, the keys and personal data came along, and the read
 * models the restored server rebuilt equal a clean rebuild.
 */

const LANES = 4;

interface Ack {
  id: string;
  position: number;
  at: number;
}

describe('backup drill: back up under write load, restore, start on the copy', () => {
  it('restores exactly the acknowledged commands up to the backup position', async () => {
    const temp = makeTempDir('c2g-drill-');
    const dataDir = join(temp.dir, 'data');
    const backupDir = join(temp.dir, 'backup');
    const restoredDir = join(temp.dir, 'restored');
    const servers: ServerProcess[] = [];
    try {
      const server = await startServer(dataDir);
      servers.push(server);
      const [service, analyst, auditor] = await Promise.all(['service', 'analyst', 'auditor'].map((role) => issueKey(server.url, role)));
      for (const [path, body] of [['/communities', kfarAza], ['/communities', boston], ['/pairings', kfarAzaBoston]] as const) {
        expect((await postJson(`${server.url}${path}`, service, body)).status).toBe(201);
      }
      const assigned = await postJson(`${server.url}/pairings/kfar-aza-boston/team-members`, service, teamMember('israeli', 1));
      expect(assigned.status).toBe(201);

      const acks: Ack[] = [];
      const failures: string[] = [];
      let stop = false;
      const lanes = Array.from({ length: LANES }, async (_, lane) => {
        for (let n = 0; !stop; n += 1) {
          const id = `drill-${lane}-${n}`;
          const answer = await postJson(`${server.url}/communities`, service, {
            id, name: `Community ${id}`, kind: 'global', settlementType: 'federation', country: 'US',
          }).catch((error: Error) => ({ status: 0, body: { error: error.message } as Record<string, unknown> }));
          if (answer.status !== 201) {
            failures.push(`${id}: ${answer.status} ${JSON.stringify(answer.body)}`);
            return;
          }
          acks.push({ id, position: Number(answer.body.position), at: Date.now() });
        }
      });
      const until = async (condition: () => boolean) => {
        while (!condition() && failures.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      };

      await until(() => acks.length >= 40);
      const backupStarted = Date.now();
      const backup = await runCli(['backup', '--data-dir', dataDir, '--to', backupDir]);
      const backupEnded = Date.now();
      const acksAtBackupEnd = acks.length;
      await until(() => acks.length >= acksAtBackupEnd + 40);
      stop = true;
      await Promise.all(lanes);
      expect(failures).toEqual([]);
      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8')) as BackupManifest;
      const cut = manifest.log.position;
      await server.kill();

      // Commands really kept arriving while the backup ran, and after it.
      expect(acks.filter((a) => a.at > backupStarted && a.at < backupEnded).length).toBeGreaterThan(0);
      expect(acks.filter((a) => a.position > cut).length).toBeGreaterThan(0);
      // Everything acknowledged before the backup started is at or before its position.
      expect(acks.filter((a) => a.at < backupStarted && a.position > cut)).toEqual([]);

      const restore = await runCli(['restore', backupDir, '--data-dir', restoredDir]);
      expect(restore.stderr).toBe('');
      expect(restore.code).toBe(0);
      const restored = await startServer(restoredDir);
      servers.push(restored);

      // The keys and the data keys came along: keys issued before the backup work, the team member's details open.
      const read = await fetch(`${restored.url}/communities?minPosition=${cut}&limit=1`, { headers: { authorization: `Bearer ${analyst}` } });
      expect(read.status).toBe(200);
      const stream = (await (await fetch(`${restored.url}/audit/streams/pairing-kfar-aza-boston`, { headers: { authorization: `Bearer ${auditor}` } })).json()) as {
        items: { type: string; person?: { personId: string; details: string } }[];
      };
      const person = stream.items.find((e) => e.type === 'TeamMemberAssigned')?.person;
      expect(person?.details).toBe('present');
      const details = await fetch(`${restored.url}/persons/${person?.personId}?minPosition=${cut}`, { headers: { authorization: `Bearer ${SERVER_ADMIN_KEY}` } });
      expect(((await details.json()) as { details: unknown }).details).toMatchObject({ name: teamMember('israeli', 1).person.name });
      await eventually(async () => expect((await fetch(`${restored.url}/ready`)).status).toBe(200), 20_000);
      await restored.kill();

      const original = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
      const before = await collect(original.readAll());
      await original.close();
      const copy = new SqliteEventStore({ file: join(restoredDir, 'events.sqlite') });
      const after = await collect(copy.readAll());
      const chains = await verifyChains(copy.readAll());
      await copy.close();

      // The restored log is the original's prefix up to the backup position, and its head is the manifest's.
      const link = (e: (typeof before)[number]) => `${e.position} ${e.eventId} ${e.metadata.hash}`;
      expect(after.map(link)).toEqual(before.filter((e) => e.position <= BigInt(cut)).map(link));
      expect({ head: Number(after[after.length - 1].position), hash: after[after.length - 1].metadata.hash, events: after.length })
        .toEqual({ head: cut, hash: manifest.log.headHash, events: manifest.log.events });
      expect(chains).toMatchObject({ ok: true });
      // Each acknowledged command: exactly once when at or before the position, absent after it.
      const registered = after.filter((e) => e.type === 'CommunityRegistered').map((e) => e.streamId);
      const wrong = acks.flatMap(({ id, position }) => {
        const found = registered.filter((s) => s === `community-${id}`).length;
        const expected = position <= cut ? 1 : 0;
        return found === expected ? [] : [`${id} acknowledged at ${position} (backup at ${cut}): ${found} times in the restored log`];
      });
      expect(wrong).toEqual([]);
      expect(acks.filter((a) => a.position <= cut).length).toBeGreaterThanOrEqual(40);

      // The read models the restored server built equal a clean rebuild of the restored log.
      const clean = join(temp.dir, 'clean');
      cpSync(join(restoredDir, 'events.sqlite'), join(clean, 'events.sqlite'));
      expect(await exited(runTs('test/support/projection-worker.ts', [clean]))).toBe(0);
      expect(dumpReadModels(join(restoredDir, 'read-models'))).toEqual(dumpReadModels(join(clean, 'read-models')));
    } finally {
      for (const s of servers) await s.kill('SIGKILL').catch(() => undefined);
      temp.remove();
    }
  }, 90_000);
});
