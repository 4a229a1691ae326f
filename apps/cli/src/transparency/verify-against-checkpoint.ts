import type { Database } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import {
  Checkpoint, computeEventHash, EventStore, eventLeafHash, MemoryMerkleNodes, MerkleTree, openSqliteDatabase, StoredEvent, verifyChains, verifyInclusion,
} from '@c2g/event-store';
import { leafIndexAt, positionOfLeaf, storedTree, storedTreeSize, transparencyTreeFile } from '@c2g/projections';

export type CheckpointVerdict = { ok: true; lines: string[] } | { ok: false; lines: string[] };

interface LeafPlace {
  position: bigint;
  streamId: string;
  revision: bigint;
}

const describe = (event: LeafPlace | undefined) => (event ? `position ${event.position} (stream ${event.streamId} revision ${event.revision})` : 'nothing');

/**
 * Does the log in `store` extend the checkpoint? Recomputes the tree from every event as
 * stored (and every hash chain on the way): the first treeSize events must give the
 * checkpoint's root. When they do not, the tree the server stored (read-models) is used to
 * name the first leaf that differs — if that stored tree still has the checkpoint's root,
 * its leaves are the ones that were signed.
 */
export async function verifyLogAgainstCheckpoint(store: EventStore, readModelsDir: string, checkpoint: Checkpoint): Promise<CheckpointVerdict> {
  const nodes = new MemoryMerkleNodes();
  const places: LeafPlace[] = [];
  const events = store.readAll()[Symbol.asyncIterator]();
  // One read of the log feeds both the chain check and the tree; without a `return` the
  // chain check stopping at a broken link leaves the rest of the log to read for the tree.
  const next = async () => {
    const step = await events.next();
    if (!step.done) {
      nodes.append(eventLeafHash(step.value));
      places.push({ position: step.value.position, streamId: step.value.streamId, revision: step.value.revision });
    }
    return step;
  };
  const chains = await verifyChains({ [Symbol.asyncIterator]: () => ({ next }) });
  while (!(await next()).done);
  const tree = new MerkleTree(nodes);
  const lines: string[] = [];
  const n = checkpoint.treeSize;
  const chainLine = chains.ok
    ? `chains: intact (${chains.events} events in ${chains.streams} streams)`
    : `chains: BROKEN at stream ${chains.brokenLink.streamId} revision ${chains.brokenLink.revision} (position ${chains.brokenLink.position}): ${chains.brokenLink.reason}`;
  if (nodes.size >= n && tree.root(n).equals(checkpoint.rootHash)) {
    lines.push(
      `consistent: the log's first ${n} events give the checkpoint's root ${checkpoint.rootHash.toString('hex')} (signed ${checkpoint.timestamp})`,
      `the log has ${nodes.size} events now; tree root ${tree.root(nodes.size).toString('hex')}`,
      chainLine,
    );
    const stored = storedTreeCheck(readModelsDir, tree, nodes.size);
    if (stored) lines.push(stored.line);
    return { ok: chains.ok && (stored?.ok ?? true), lines };
  }
  lines.push(`NOT CONSISTENT: the log does not extend checkpoint ${n} (root ${checkpoint.rootHash.toString('hex')}, signed ${checkpoint.timestamp})`);
  lines.push(firstDifference(readModelsDir, checkpoint, nodes, places));
  lines.push(chainLine);
  return { ok: false, lines };
}

function openTree(readModelsDir: string): Database | undefined {
  const file = transparencyTreeFile(readModelsDir);
  return existsSync(file) ? openSqliteDatabase(file, { readonly: true }) : undefined;
}

/** The server's stored tree, where it has caught up, must be the tree of the log as read now. */
function storedTreeCheck(readModelsDir: string, tree: MerkleTree, size: number): { ok: boolean; line: string } | undefined {
  const db = openTree(readModelsDir);
  if (!db) return undefined;
  try {
    const stored = Math.min(storedTreeSize(db), size);
    if (stored === 0) return undefined;
    const same = storedTree(db).tree.root(stored).equals(tree.root(stored));
    return same
      ? { ok: true, line: `the server's stored tree agrees with the log up to ${stored} events` }
      : { ok: false, line: `the server's stored tree DISAGREES with the log within its first ${stored} events` };
  } finally {
    db.close();
  }
}

function firstDifference(readModelsDir: string, checkpoint: Checkpoint, nodes: MemoryMerkleNodes, places: LeafPlace[]): string {
  const db = openTree(readModelsDir);
  const n = checkpoint.treeSize;
  try {
    if (!db || storedTreeSize(db) < n || !storedTree(db).tree.root(n).equals(checkpoint.rootHash)) {
      return nodes.size < n
        ? `the log has ${nodes.size} events, fewer than the checkpoint's ${n}; the stored tree no longer has the signed leaves, so the first differing position cannot be named`
        : `the stored tree no longer has the signed leaves (rebuilt from the altered log?), so the first differing position cannot be named`;
    }
    const signed = storedTree(db);
    for (let i = 0; i < n; i += 1) {
      if (i >= nodes.size) {
        return `first difference at leaf ${i}: the checkpoint has the event at position ${positionOfLeaf(db, i)} there, the log ends after ${nodes.size} events (its tail was dropped)`;
      }
      if (!signed.nodes.node(0, i).equals(nodes.node(0, i))) {
        return `first difference at position ${positionOfLeaf(db, i)} (leaf ${i}): the log now has ${describe(places[i])} there, not the event that was signed`;
      }
    }
    return 'the leaves match but the root does not (a corrupt stored tree?)';
  } finally {
    db?.close();
  }
}

/**
 * Is the event at `position`, as stored now, in the checkpoint's tree? Its own hash must match
 * its content, and the audit path from the stored tree (or, without one, from the log) must
 * lead from its leaf to the checkpoint's root.
 */
export async function verifyEventAgainstCheckpoint(store: EventStore, readModelsDir: string, checkpoint: Checkpoint, position: bigint): Promise<CheckpointVerdict> {
  let event: StoredEvent | undefined;
  for await (const found of store.readAll({ fromPosition: position, maxCount: 1 })) event = found;
  if (!event || event.position !== position) return { ok: false, lines: [`NOT FOUND: no event at position ${position} in the log`] };
  if (computeEventHash(event) !== event.metadata.hash) {
    return { ok: false, lines: [`ALTERED: the event at ${describe(event)} does not match its own hash`] };
  }
  const n = checkpoint.treeSize;
  const db = openTree(readModelsDir);
  try {
    let leafIndex: number | undefined;
    let proof: Buffer[];
    if (db && storedTreeSize(db) >= n && storedTree(db).tree.root(n).equals(checkpoint.rootHash)) {
      leafIndex = leafIndexAt(db, position);
      if (leafIndex === undefined || leafIndex >= n) return { ok: false, lines: [`NOT IN CHECKPOINT: the tree of ${n} events signed ${checkpoint.timestamp} has no event at position ${position}`] };
      proof = storedTree(db).tree.inclusionProof(leafIndex, n);
    } else {
      const nodes = new MemoryMerkleNodes();
      for await (const each of store.readAll()) {
        if (each.position === position) leafIndex = nodes.size;
        nodes.append(eventLeafHash(each));
      }
      if (leafIndex === undefined || leafIndex >= n || nodes.size < n) return { ok: false, lines: [`NOT IN CHECKPOINT: position ${position} is not among the first ${n} events of the log`] };
      proof = new MerkleTree(nodes).inclusionProof(leafIndex, n);
    }
    const included = verifyInclusion(leafIndex, n, eventLeafHash(event), proof, checkpoint.rootHash);
    return included
      ? { ok: true, lines: [`included: ${describe(event)} is leaf ${leafIndex} of the tree of ${n} events signed ${checkpoint.timestamp} (audit path of ${proof.length} hashes verified)`] }
      : { ok: false, lines: [`NOT INCLUDED: ${describe(event)} as stored now is not leaf ${leafIndex} of the signed tree of ${n} events (rewritten or moved)`] };
  } finally {
    db?.close();
  }
}
