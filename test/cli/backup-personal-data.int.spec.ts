import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SealedPersonDetails } from '@c2g/domain';
import { SqliteDataKeyStore, SqliteEventStore, verifyChains } from '@c2g/event-store';
import { PersonVault } from '../../apps/api/src/persons/person-vault';
import { runCli } from '../support/run-cli';
import { makeTempDir } from '../support/temp-dir';

/**
 * A backup carries the data keys (the data_keys table of events.sqlite): after a restore a
 * kept person's details open, an erased person stays erased, and the erased key is in no
 * file of the backup.
 */
describe('c2g backup and restore of sealed personal data', () => {
  const temp = makeTempDir('c2g-backup-persons-');
  afterAll(() => temp.remove());

  it('restores readable details for a kept person and none for an erased one', async () => {
    const dataDir = join(temp.dir, 'data');
    const file = join(dataDir, 'events.sqlite');
    const store = new SqliteEventStore({ file });
    const keys = new SqliteDataKeyStore(file);
    const vault = new PersonVault(keys, store);
    const sealed: Record<string, SealedPersonDetails> = {};
    for (const [personId, name] of [['kept', 'Noa Levi'], ['gone', 'Avi Cohen']]) {
      sealed[personId] = (await vault.seal(personId, { name, email: `${personId}@example.org` }))!;
      await store.append(`pairing-${personId}`, [{ type: 'TeamMemberAssigned', data: { personId, personDetails: sealed[personId] } }]);
    }
    const goneKey = (await keys.find('gone')) as { key: Buffer };
    await vault.erase('gone', { actor: 'admin', occurredAt: new Date().toISOString() });
    await vault.close();
    await store.close();

    const backupDir = join(temp.dir, 'backup');
    const target = join(temp.dir, 'restored');
    expect((await runCli(['backup', '--data-dir', dataDir, '--to', backupDir])).code).toBe(0);
    expect((await runCli(['restore', backupDir, '--data-dir', target])).code).toBe(0);
    for (const dir of [backupDir, target]) {
      for (const name of readdirSync(dir)) expect(readFileSync(join(dir, name)).includes(goneKey.key)).toBe(false);
    }

    const restoredFile = join(target, 'events.sqlite');
    const restoredStore = new SqliteEventStore({ file: restoredFile });
    const restored = new PersonVault(new SqliteDataKeyStore(restoredFile), restoredStore);
    try {
      expect(await restored.reveal('kept', sealed.kept)).toEqual({ name: 'Noa Levi', email: 'kept@example.org' });
      expect(await restored.reveal('gone', sealed.gone)).toBe('[erased]');
      expect(await restored.state('gone')).toBe('erased');
      expect((await verifyChains(restoredStore.readAll())).ok).toBe(true);
    } finally {
      await restored.close();
      await restoredStore.close();
    }
  }, 30_000);
});
