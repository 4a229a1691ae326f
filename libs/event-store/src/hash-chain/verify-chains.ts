import { StoredEvent } from '../port/stored-event';
import { computeEventHash, GENESIS_HASH } from './event-hash';

export interface BrokenLink {
  streamId: string;
  revision: bigint;
  position: bigint;
  eventId: string;
  reason: string;
}

export type ChainVerification =
  | { ok: true; streams: number; events: number }
  | { ok: false; streams: number; events: number; brokenLink: BrokenLink };

interface StreamTip {
  revision: bigint;
  hash: string;
}

/**
 * Recomputes every stream's hash chain from the global log and names the first broken
 * link: an event whose content no longer matches its hash, whose prevHash is not the hash
 * of its predecessor, or whose revision skips or repeats.
 */
export async function verifyChains(
  log: AsyncIterable<StoredEvent>,
  onProgress?: (eventsChecked: number) => void,
): Promise<ChainVerification> {
  const tips = new Map<string, StreamTip>();
  let events = 0;
  for await (const event of log) {
    events += 1;
    const reason = brokenReason(event, tips.get(event.streamId));
    if (reason) {
      return {
        ok: false,
        streams: tips.size,
        events,
        brokenLink: {
          streamId: event.streamId,
          revision: event.revision,
          position: event.position,
          eventId: event.eventId,
          reason,
        },
      };
    }
    tips.set(event.streamId, { revision: event.revision, hash: event.metadata.hash });
    if (onProgress && events % 10_000 === 0) onProgress(events);
  }
  return { ok: true, streams: tips.size, events };
}

function brokenReason(event: StoredEvent, previous: StreamTip | undefined): string | undefined {
  const expectedRevision = previous ? previous.revision + 1n : 0n;
  if (event.revision !== expectedRevision) {
    return `revision ${event.revision} follows ${previous ? previous.revision : 'nothing'}`;
  }
  const expectedPrev = previous ? previous.hash : GENESIS_HASH;
  if (event.metadata.prevHash !== expectedPrev) {
    return 'prevHash does not match the hash of the previous event';
  }
  if (computeEventHash(event) !== event.metadata.hash) {
    return 'content does not match its hash (altered after it was written)';
  }
  return undefined;
}
