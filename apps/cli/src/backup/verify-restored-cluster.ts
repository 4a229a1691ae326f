import { EventStore, verifyChains } from '@c2g/event-store';
import { BackupError } from './backup-error';

export interface ClusterExpectation {
  /** The log position the backup was known to hold (e.g. `c2g status` before the backup). */
  position?: bigint;
  /** The hash of the event at that position. */
  headHash?: string;
}

/**
 * A restored EventStoreDB cluster, checked from outside: every hash chain verifies, and the
 * log holds at least the position the operator expects, with the same event there (its hash).
 */
export async function verifyRestoredCluster(store: EventStore, expected: ClusterExpectation) {
  const head = await store.headPosition();
  const chains = await verifyChains(store.readAll());
  if (!chains.ok) {
    const { streamId, revision, position, reason } = chains.brokenLink;
    throw new BackupError(`broken hash chain in stream ${streamId} at revision ${revision} (position ${position}): ${reason}`);
  }
  if (expected.position !== undefined && head < expected.position) {
    throw new BackupError(`the log ends at position ${head}, before the expected position ${expected.position}: events are missing`);
  }
  if (expected.position !== undefined && expected.headHash !== undefined) {
    let hash: unknown;
    for await (const event of store.readAll({ fromPosition: expected.position, maxCount: 1 })) {
      if (event.position === expected.position) hash = event.metadata.hash;
    }
    if (hash !== expected.headHash) {
      throw new BackupError(`the event at position ${expected.position} has hash ${String(hash ?? 'none')}, not the expected ${expected.headHash}`);
    }
  }
  return { head, events: chains.events, streams: chains.streams };
}
