import { createHash } from 'node:crypto';

/*
 * RFC 9162 §2.1 written straight from its recursive definitions over the list of entries,
 * sharing no code with libs/event-store's tree: what tests check the implementation against.
 */
const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const k = (n: number) => 2 ** Math.ceil(Math.log2(n) - 1);

export const referenceLeafHash = (entry: Buffer) => sha(Buffer.from([0]), entry);

/** MTH(D[n]). */
export function MTH(D: Buffer[]): Buffer {
  if (D.length === 0) return sha();
  if (D.length === 1) return referenceLeafHash(D[0]);
  return sha(Buffer.from([1]), MTH(D.slice(0, k(D.length))), MTH(D.slice(k(D.length))));
}

/** PATH(m, D[n]). */
export function PATH(m: number, D: Buffer[]): Buffer[] {
  if (D.length === 1) return [];
  const split = k(D.length);
  return m < split ? [...PATH(m, D.slice(0, split)), MTH(D.slice(split))] : [...PATH(m - split, D.slice(split)), MTH(D.slice(0, split))];
}

function SUBPROOF(m: number, D: Buffer[], b: boolean): Buffer[] {
  if (m === D.length) return b ? [] : [MTH(D)];
  const split = k(D.length);
  return m <= split
    ? [...SUBPROOF(m, D.slice(0, split), b), MTH(D.slice(split))]
    : [...SUBPROOF(m - split, D.slice(split), false), MTH(D.slice(0, split))];
}

/** PROOF(m, D[n]). */
export const PROOF = (m: number, D: Buffer[]) => SUBPROOF(m, D, true);
