import type { Database } from 'better-sqlite3';
import { MerkleNodes, MerkleTree } from '@c2g/event-store';
import { readModelFile } from '../runner/read-model-file';
import { TRANSPARENCY_LOG, TRANSPARENCY_LOG_VERSION, treeStatements } from './transparency-log.projection';

/** Stored subtree hashes of a transparency-log read model; counts its reads (proofs promise O(log n)). */
export class SqliteMerkleNodes implements MerkleNodes {
  reads = 0;
  constructor(private readonly db: Database) {}

  node(level: number, index: number): Buffer {
    this.reads += 1;
    const row = treeStatements.for(this.db).node.get(level, index) as { hash: Buffer } | undefined;
    if (!row) throw new RangeError(`the stored tree has no subtree at level ${level}, index ${index}`);
    return row.hash;
  }
}

/** Leaves in the stored tree: the number of log events it covers. */
export function storedTreeSize(db: Database): number {
  const row = treeStatements.for(db).size.get() as { leaf_index: number } | undefined;
  return row ? row.leaf_index + 1 : 0;
}

/** The leaf index (ordinal in the global log) of the event at `position`, if the tree has it. */
export function leafIndexAt(db: Database, position: bigint): number | undefined {
  const row = treeStatements.for(db).leafAt.get(position) as { leaf_index: number } | undefined;
  return row?.leaf_index;
}

/** The log position the tree recorded for leaf `index` (a scan: for `c2g verify` naming one difference, not for requests). */
export function positionOfLeaf(db: Database, index: number): bigint | undefined {
  const row = db.prepare('SELECT position FROM leaves WHERE leaf_index = ?').safeIntegers(true).get(index) as { position: bigint } | undefined;
  return row?.position;
}

/** A tree over the stored nodes, with the counter of nodes read. */
export function storedTree(db: Database): { tree: MerkleTree; nodes: SqliteMerkleNodes } {
  const nodes = new SqliteMerkleNodes(db);
  return { tree: new MerkleTree(nodes), nodes };
}

/** The file of the transparency-log read model in a read-model directory (for readers outside the runner, like `c2g verify`). */
export function transparencyTreeFile(readModelsDir: string): string {
  return readModelFile(readModelsDir, TRANSPARENCY_LOG, TRANSPARENCY_LOG_VERSION);
}
