import fc from 'fast-check';
import { MemoryMerkleNodes } from './memory-merkle-nodes';
import { MerkleNodes, MerkleTree } from './merkle-tree';
import { verifyConsistency, verifyInclusion } from './merkle-proofs';

import { MTH, PATH, PROOF, referenceLeafHash as refLeaf } from '../../../../test/support/rfc9162-reference';

const entries = (n: number) => Array.from({ length: n }, (_, i) => Buffer.from(`entry ${i}`));
function treeOf(D: Buffer[]): { nodes: MemoryMerkleNodes; tree: MerkleTree } {
  const nodes = new MemoryMerkleNodes();
  for (const d of D) nodes.append(refLeaf(d));
  return { nodes, tree: new MerkleTree(nodes) };
}
const hex = (hashes: Buffer[]) => hashes.map((h) => h.toString('hex'));
const flipBit = (hash: Buffer, bit: number) => {
  const copy = Buffer.from(hash);
  copy[Math.floor(bit / 8) % 32] ^= 1 << bit % 8;
  return copy;
};

describe('the Merkle tree against RFC 9162’s recursive definition', () => {
  const D = entries(70);

  it('has the empty tree’s root SHA-256("") and every root of 1..70 leaves as MTH defines it', () => {
    const { tree } = treeOf(D);
    expect(tree.root(0).toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (let n = 1; n <= D.length; n += 1) expect(tree.root(n).toString('hex')).toBe(MTH(D.slice(0, n)).toString('hex'));
  });

  it('gives every audit path of every tree size up to 40 as PATH defines it', () => {
    const { tree } = treeOf(D);
    for (let n = 1; n <= 40; n += 1) {
      for (let m = 0; m < n; m += 1) expect(hex(tree.inclusionProof(m, n))).toEqual(hex(PATH(m, D.slice(0, n))));
    }
  });

  it('gives every consistency proof between sizes up to 40 as PROOF defines it', () => {
    const { tree } = treeOf(D);
    for (let n = 1; n <= 40; n += 1) {
      for (let m = 1; m <= n; m += 1) expect(hex(tree.consistencyProof(m, n))).toEqual(hex(PROOF(m, D.slice(0, n))));
    }
  });

  it('refuses proofs for leaves or sizes outside the tree', () => {
    const { tree } = treeOf(D.slice(0, 5));
    expect(() => tree.inclusionProof(5, 5)).toThrow(RangeError);
    expect(() => tree.consistencyProof(6, 5)).toThrow(RangeError);
    expect(() => tree.root(6)).toThrow(RangeError);
  });

  it('reads each stored node at most once per proof: about 2·log2(n) reads for n = 40,000', () => {
    const { nodes } = treeOf(entries(40_000));
    let reads = 0;
    const counted: MerkleNodes = { node: (level, index) => ((reads += 1), nodes.node(level, index)) };
    new MerkleTree(counted).inclusionProof(24_321, 39_999);
    expect(reads).toBeLessThanOrEqual(2 * 16);
    reads = 0;
    new MerkleTree(counted).consistencyProof(13_333, 39_999);
    expect(reads).toBeLessThanOrEqual(2 * 16);
  });
});

describe('proof verification (RFC 9162 §2.1.3.2, §2.1.4.2), property-based', () => {
  const sizes = fc.integer({ min: 1, max: 300 }).chain((n) => fc.record({ n: fc.constant(n), m: fc.integer({ min: 0, max: n - 1 }) }));
  const pairs = fc.integer({ min: 1, max: 300 }).chain((n) => fc.record({ n: fc.constant(n), m: fc.integer({ min: 1, max: n }) }));
  const D = entries(300);
  const { tree } = treeOf(D);

  it('every inclusion proof verifies, and any single-bit change in the leaf, the proof or the root fails it', () => {
    fc.assert(
      fc.property(sizes, fc.nat(), fc.nat(), ({ n, m }, pick, bit) => {
        const leaf = refLeaf(D[m]);
        const proof = tree.inclusionProof(m, n);
        const root = MTH(D.slice(0, n));
        expect(verifyInclusion(m, n, leaf, proof, root)).toBe(true);
        expect(verifyInclusion(m, n, flipBit(leaf, bit % 256), proof, root)).toBe(false);
        expect(verifyInclusion(m, n, leaf, proof, flipBit(root, bit % 256))).toBe(false);
        if (proof.length > 0) {
          const i = pick % proof.length;
          const altered = proof.map((p, j) => (j === i ? flipBit(p, bit % 256) : p));
          expect(verifyInclusion(m, n, leaf, altered, root)).toBe(false);
          expect(verifyInclusion(m, n, leaf, proof.slice(0, -1), root)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every consistency proof verifies, and any single-bit change in a root or the proof fails it', () => {
    fc.assert(
      fc.property(pairs, fc.nat(), fc.nat(), ({ n, m }, pick, bit) => {
        const proof = tree.consistencyProof(m, n);
        const first = MTH(D.slice(0, m));
        const second = MTH(D.slice(0, n));
        expect(verifyConsistency(m, n, proof, first, second)).toBe(true);
        expect(verifyConsistency(m, n, proof, flipBit(first, bit % 256), second)).toBe(false);
        expect(verifyConsistency(m, n, proof, first, flipBit(second, bit % 256))).toBe(false);
        if (proof.length > 0) {
          const i = pick % proof.length;
          expect(verifyConsistency(m, n, proof.map((p, j) => (j === i ? flipBit(p, bit % 256) : p)), first, second)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a tree whose history was rewritten is not consistent with its earlier root', () => {
    fc.assert(
      fc.property(pairs, fc.nat(), ({ n, m }, at) => {
        const rewritten = [...D.slice(0, n)];
        rewritten[at % m] = Buffer.from('forged');
        const proof = treeOf(rewritten).tree.consistencyProof(m, n);
        expect(verifyConsistency(m, n, proof, MTH(D.slice(0, m)), MTH(rewritten))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
