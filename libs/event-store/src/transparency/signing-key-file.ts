import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NoteSigner, SignedNoteError } from './signed-note';

/** Where a data directory keeps the checkpoint signing key when C2G_SIGNING_KEY is not set. */
export function signingKeyFile(dataDir: string): string {
  return join(dataDir, 'signing-key');
}

/**
 * The checkpoint signing key: C2G_SIGNING_KEY if given (the note format's
 * `PRIVATE+KEY+name+keyid+base64`), else the data directory's key file, created with mode 0600
 * on first use. A file readable by others is refused: whoever reads it can sign checkpoints.
 */
export function loadSigningKey(options: { dataDir: string; envKey?: string; origin: string; create: boolean }): NoteSigner | undefined {
  if (options.envKey) return NoteSigner.parse(options.envKey);
  const file = signingKeyFile(options.dataDir);
  if (existsSync(file)) {
    if ((statSync(file).mode & 0o077) !== 0) throw new SignedNoteError(`${file} is readable by other users; chmod 600 it`);
    return NoteSigner.parse(readFileSync(file, 'utf8'));
  }
  if (!options.create) return undefined;
  const signer = NoteSigner.generate(options.origin);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${signer.privateKeyText()}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600); // the umask may have narrowed the mode above, never widened it; say it exactly
  return signer;
}
