import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throw-away data directory for one CLI run. */
export function makeScratchDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'c2g-scratch-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
