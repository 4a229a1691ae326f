import { MerkleNodes, nodesCompletedBy } from './merkle-tree';

/**
 * The tree's complete subtrees held in memory, one growing buffer per level (32 bytes a node,
 * no object per node): what `c2g verify --checkpoint` builds while reading the log.
 */
export class MemoryMerkleNodes implements MerkleNodes {
  private readonly levels: { bytes: Buffer; count: number }[] = [];
  size = 0;

  append(leaf: Buffer): void {
    for (const { level, index, hash } of nodesCompletedBy(this.size, leaf, (l, i) => this.node(l, i))) this.put(level, index, hash);
    this.size += 1;
  }

  node(level: number, index: number): Buffer {
    const stored = this.levels[level];
    if (!stored || index >= stored.count) throw new RangeError(`no complete subtree at level ${level}, index ${index}`);
    return stored.bytes.subarray(index * 32, index * 32 + 32);
  }

  private put(level: number, index: number, hash: Buffer): void {
    const stored = (this.levels[level] ??= { bytes: Buffer.alloc(32 * 1024), count: 0 });
    if (index !== stored.count) throw new Error(`level ${level} expected node ${stored.count}, got ${index}`);
    if ((index + 1) * 32 > stored.bytes.length) {
      const grown = Buffer.alloc(stored.bytes.length * 2);
      stored.bytes.copy(grown);
      stored.bytes = grown;
    }
    hash.copy(stored.bytes, index * 32);
    stored.count += 1;
  }
}
