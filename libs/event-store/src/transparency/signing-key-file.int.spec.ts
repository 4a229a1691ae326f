import { chmodSync, readFileSync, statSync } from 'node:fs';
import { makeTempDir } from '../../../../test/support/temp-dir';
import { NoteSigner, SignedNoteError } from './signed-note';
import { loadSigningKey, signingKeyFile } from './signing-key-file';

describe('the checkpoint signing key', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.remove());

  it('is created on first start in the data directory with mode 0600, and the same key is loaded after', () => {
    const created = loadSigningKey({ dataDir: temp.dir, origin: 'c2g/test', create: true })!;
    expect(statSync(signingKeyFile(temp.dir)).mode & 0o777).toBe(0o600);
    expect(readFileSync(signingKeyFile(temp.dir), 'utf8')).toBe(`${created.privateKeyText()}\n`);
    expect(created.verifierKey).toMatch(/^c2g\/test\+[0-9a-f]{8}\+/);
    expect(loadSigningKey({ dataDir: temp.dir, origin: 'other', create: true })!.verifierKey).toBe(created.verifierKey);
  });

  it('is not created where it must only be read (the CLI)', () => {
    expect(loadSigningKey({ dataDir: temp.dir, origin: 'c2g/test', create: false })).toBeUndefined();
  });

  it('is refused when other users can read the file', () => {
    loadSigningKey({ dataDir: temp.dir, origin: 'c2g/test', create: true });
    chmodSync(signingKeyFile(temp.dir), 0o644);
    expect(() => loadSigningKey({ dataDir: temp.dir, origin: 'c2g/test', create: true })).toThrow('readable by other users');
  });

  it('comes from C2G_SIGNING_KEY when given, and a malformed one is refused', () => {
    const given = NoteSigner.generate('ops/log');
    expect(loadSigningKey({ dataDir: temp.dir, envKey: given.privateKeyText(), origin: 'c2g/test', create: true })!.verifierKey).toBe(given.verifierKey);
    expect(() => loadSigningKey({ dataDir: temp.dir, envKey: 'not a key', origin: 'c2g/test', create: true })).toThrow(SignedNoteError);
  });
});
