import { readFileSync } from 'node:fs';
import { Checkpoint, formatVerifierKey, loadSigningKey, openCheckpoint, parseVerifierKey, VerifierKey } from '@c2g/event-store';

export interface OpenedCheckpoint {
  checkpoint: Checkpoint;
  /** The key it was verified with, and where that key came from. */
  verifierKey: string;
  keySource: string;
}

/**
 * Reads a saved checkpoint (the JSON GET /audit/checkpoint answers, or the bare signed note)
 * and checks its signature with a pinned key: --key, else this data directory's own signing
 * key. Only when neither exists is the key named in the file used, and the report says so.
 */
export function openSavedCheckpoint(file: string, options: { key?: string; dataDir: string }): OpenedCheckpoint {
  const text = readFileSync(file, 'utf8');
  let note = text;
  let namedKey: string | undefined;
  if (text.trimStart().startsWith('{')) {
    const saved = JSON.parse(text) as { note?: unknown; verifierKey?: unknown };
    if (typeof saved.note !== 'string') throw new Error(`${file} has no "note": save the answer of GET /audit/checkpoint as it is`);
    note = saved.note;
    namedKey = typeof saved.verifierKey === 'string' ? saved.verifierKey : undefined;
  }
  const { key, source } = pinnedKey(options, namedKey, file);
  return { checkpoint: openCheckpoint(note, key), verifierKey: formatVerifierKey(key), keySource: source };
}

function pinnedKey(options: { key?: string; dataDir: string }, namedKey: string | undefined, file: string): { key: VerifierKey; source: string } {
  if (options.key) return { key: parseVerifierKey(options.key), source: '--key' };
  const own = loadSigningKey({ dataDir: options.dataDir, envKey: process.env.C2G_SIGNING_KEY?.trim() || undefined, origin: 'unused', create: false });
  if (own) return { key: own.verifier, source: process.env.C2G_SIGNING_KEY?.trim() ? 'C2G_SIGNING_KEY' : 'the data directory’s signing key' };
  if (!namedKey) throw new Error(`no key to check ${file} with: pass --key <verifier key> (GET /audit/public-key)`);
  return { key: parseVerifierKey(namedKey), source: `the key named in ${file} (NOT pinned: pass --key to check who signed it)` };
}
