import { createHash } from 'node:crypto';

/** The same pair always gets the same flag id, on every replay (pairs are unordered). */
export function flagId(kind: string, a: string, b: string): string {
  const [first, second] = kind === 'need-need' ? [a, b].sort() : [a, b];
  return createHash('sha256').update(`${kind}|${first}|${second}`).digest('hex').slice(0, 32);
}
