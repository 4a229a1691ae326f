import { setTimeout as sleep } from 'node:timers/promises';
import { END, EventStoreDBClient, type Position, type ResolvedEvent, START } from '@eventstore/db-client';
import { EventSubscription } from '../port/event-store';
import { StoredEvent } from '../port/stored-event';
import { subscribeStartFor } from './eventstoredb-positions';
import { isProgramRecord, toStoredEvent } from './eventstoredb-records';

export interface ReconnectPolicy {
  /** Consecutive failed connections before the subscription gives up and throws. */
  attempts: number;
  /** First back-off; doubles per failure, capped at 5 s. */
  delayMs: number;
}

type Next = IteratorResult<ResolvedEvent> | 'closed';

/**
 * A catch-up-then-live subscription to $all that reconnects from the last position it saw
 * when the server goes away, so a restart or a leader change costs no event and repeats none.
 */
export function followAll(
  client: EventStoreDBClient,
  from: bigint | 'start' | 'end',
  reconnect: ReconnectPolicy,
  headPosition: () => Promise<bigint>,
): EventSubscription {
  let closed = false;
  let close!: () => void;
  const closing = new Promise<'closed'>((resolve) => (close = () => resolve('closed')));
  const first: Position | 'start' | 'end' = from === 'start' ? 'start' : from === 'end' ? 'end' : subscribeStartFor(from);
  // Started now, not on first iteration: 'end' means the end as of this call.
  let current = client.subscribeToAll({ fromPosition: toClientStart(first) });
  // Where to resume if the connection drops before the first event: the head as of this call.
  const endAtCall = from === 'end' ? headPosition() : undefined;
  endAtCall?.catch(() => undefined);

  async function* follow(): AsyncGenerator<StoredEvent> {
    let seen: Position | undefined;
    let failures = 0;
    try {
      while (!closed) {
        const iterator = current[Symbol.asyncIterator]();
        try {
          for (;;) {
            const next: Next = await Promise.race([iterator.next(), closing]);
            if (next === 'closed' || next.done) break;
            const event = next.value.event;
            if (!event?.position) continue;
            seen = event.position;
            failures = 0;
            if (isProgramRecord(event)) yield toStoredEvent(event);
          }
        } catch (error) {
          failures += 1;
          if (closed) return;
          if (failures > reconnect.attempts) throw error;
        }
        if (closed) return;
        await Promise.race([sleep(Math.min(5000, reconnect.delayMs * 2 ** failures), undefined, { ref: false }), closing]);
        if (closed) return;
        await current.unsubscribe().catch(() => undefined);
        const resumeFrom = seen ?? (endAtCall ? subscribeStartFor(await endAtCall) : first);
        current = client.subscribeToAll({ fromPosition: toClientStart(resumeFrom) });
      }
    } finally {
      closed = true;
      await current.unsubscribe().catch(() => undefined);
    }
  }

  const iterator = follow();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close: async () => {
      closed = true;
      close();
      await current.unsubscribe().catch(() => undefined);
    },
  };
}

function toClientStart(position: Position | 'start' | 'end'): Position | typeof START | typeof END {
  return position === 'start' ? START : position === 'end' ? END : position;
}
