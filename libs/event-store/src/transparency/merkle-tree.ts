import { EMPTY_ROOT, isPowerOfTwo, nodeHash, splitPoint } from './merkle-hash';

/**
 * Stored hashes of complete subtrees: `node(level, index)` is the root of leaves
 * [index·2^level, (index+1)·2^level), level 0 being the leaf hashes. They never change once
 * complete, so they serve every later tree size; the hash of any other range is built from at
 * most log2(n) of them.
 */
export interface MerkleNodes {
  node(level: number, index: number): Buffer;
}

/** Appends leaf `size` (the tree's current size) and returns the nodes it completes, leaf first. */
export function nodesCompletedBy(size: number, leaf: Buffer, node: (level: number, index: number) => Buffer): { level: number; index: number; hash: Buffer }[] {
  const completed = [{ level: 0, index: size, hash: leaf }];
  let index = size;
  let level = 0;
  let hash = leaf;
  while (index % 2 === 1) {
    hash = nodeHash(node(level, index - 1), hash);
    index = (index - 1) / 2;
    level += 1;
    completed.push({ level, index, hash });
  }
  return completed;
}

/**
 * RFC 9162 §2.1 over stored subtree hashes: roots, audit paths and consistency proofs for any
 * tree size up to what is stored. One instance memoises the ranges it computes, so a proof
 * reads each stored node at most once: O(log n) reads.
 */
export class MerkleTree {
  private readonly memo = new Map<string, Buffer>();

  constructor(private readonly nodes: MerkleNodes) {}

  /** MTH(D[0:size]). */
  root(size: number): Buffer {
    return size === 0 ? EMPTY_ROOT : this.range(0, size);
  }

  /** PATH(m, D[0:size]): the audit path of leaf m in the tree of `size` leaves. */
  inclusionProof(leafIndex: number, size: number): Buffer[] {
    if (!(leafIndex >= 0 && leafIndex < size)) throw new RangeError(`leaf ${leafIndex} is not in a tree of ${size}`);
    return this.path(leafIndex, 0, size);
  }

  /** PROOF(m, D[0:size]): that the tree of `from` leaves is a prefix of the tree of `to` leaves. */
  consistencyProof(from: number, to: number): Buffer[] {
    if (!(from >= 0 && from <= to)) throw new RangeError(`cannot prove ${from} against ${to}`);
    if (from === 0 || from === to) return [];
    return this.subproof(from, 0, to, true);
  }

  private path(m: number, start: number, n: number): Buffer[] {
    if (n === 1) return [];
    const k = splitPoint(n);
    return m < k
      ? [...this.path(m, start, k), this.range(start + k, n - k)]
      : [...this.path(m - k, start + k, n - k), this.range(start, k)];
  }

  private subproof(m: number, start: number, n: number, complete: boolean): Buffer[] {
    if (m === n) return complete ? [] : [this.range(start, m)];
    const k = splitPoint(n);
    return m <= k
      ? [...this.subproof(m, start, k, complete), this.range(start + k, n - k)]
      : [...this.subproof(m - k, start + k, n - k, false), this.range(start, k)];
  }

  /** MTH(D[start:start+size]); `start` is always a multiple of the largest power of two ≤ size here. */
  private range(start: number, size: number): Buffer {
    const key = `${start}:${size}`;
    let hash = this.memo.get(key);
    if (!hash) {
      if (isPowerOfTwo(size)) {
        hash = this.nodes.node(Math.round(Math.log2(size)), start / size);
      } else {
        const k = splitPoint(size);
        hash = nodeHash(this.range(start, k), this.range(start + k, size - k));
      }
      this.memo.set(key, hash);
    }
    return hash;
  }
}
