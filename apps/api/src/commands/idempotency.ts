import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
import { v5 as uuidV5 } from 'uuid';
import { EventStore, StoredEvent, WrongExpectedVersionError } from '@c2g/event-store';
import { EVENT_STORE } from '../event-store/event-store.module';
import type { CommandContext } from './command-context';
import { eventMetadataOf } from './event-metadata';
import type { CommandResult } from './command-result';

/** Namespace of every id c2g derives from a command. */
const C2G_NAMESPACE = '0d6f4a8e-6f0b-4c8e-9b1e-2c2a9a5f7c10';

/** The one event of an idempotency-key stream: which request first used the key. */
export const IDEMPOTENCY_KEY_USED = 'IdempotencyKeyUsed';

/** Where the use of an Idempotency-Key is recorded, in the log itself so every node sees it. */
export const idempotencyKeyStreamId = (commandId: string) => `idempotency-key-${commandId}`;

/** A request's command id: the same for every retry with the caller's Idempotency-Key. */
export function commandIdFor(keyId: string, idempotencyKey: string): string {
  return uuidV5(`${keyId}/${idempotencyKey}`, C2G_NAMESPACE);
}

/** Fingerprint of a request (method, path, body): what makes a retry "the same request". */
export function requestHashOf(method: string, url: string, body: unknown): string {
  return createHash('sha256').update(canonicalize({ method, url, body: body ?? null })).digest('hex');
}

/** An id derived from the command (a pairing id, a pledge id): the same on every retry of the request. */
export function derivedId(context: Pick<CommandContext, 'commandId'>, purpose: string): string {
  return uuidV5(`${context.commandId}/${purpose}`, C2G_NAMESPACE);
}

/**
 * Event ids of one decision. They fold in the request hash, so another request under the
 * same key can never pass for a retry in the store's re-append check, and the stream
 * revision decided on, so a decision made again on fresh state gets fresh ids.
 */
export function eventIdsFor(context: CommandContext, streamId: string, revision: bigint, count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    uuidV5(`${context.commandId}/${context.requestHash}/${streamId}/${revision}/${i}`, C2G_NAMESPACE),
  );
}

/**
 * The one owner of idempotency. A request with an Idempotency-Key records the key's first
 * use (its request hash) in the key's own stream before its first append; a later request
 * with the same key and another hash gets 422 `idempotency-key-reused`, whichever stream it
 * targets and however the two interleave (the record is appended with `no_stream`, so of
 * two different requests racing for one key only one can record it). A retry of the same
 * request finds its own events by command id and answers as the first time.
 */
@Injectable()
export class Idempotency {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Before deciding: refuses a key that another request already used. */
  async check(context: CommandContext): Promise<void> {
    if (!context.idempotent || context.keyUse.checked) return;
    for await (const recorded of this.store.readStream(context.keyUse.streamId, { maxCount: 1 })) {
      if ((recorded.data as { requestHash?: string }).requestHash !== context.requestHash) throw keyReused();
    }
    context.keyUse.checked = true;
  }

  /** Before the request's first append: records the key's use, or refuses it if another request won the race. */
  async record(context: CommandContext): Promise<void> {
    if (!context.idempotent || context.keyUse.recorded) return;
    const { streamId } = context.keyUse;
    try {
      await this.store.append(
        streamId,
        [
          {
            // The same for every retry of this request, whichever of its commands records the key.
            eventId: uuidV5(`${streamId}/${context.requestHash}`, C2G_NAMESPACE),
            type: IDEMPOTENCY_KEY_USED,
            data: { requestHash: context.requestHash },
            metadata: eventMetadataOf(context),
          },
        ],
        { expectedRevision: 'no_stream' },
      );
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) throw keyReused();
      throw error;
    }
    context.keyUse.recorded = true;
  }

  /** The answer this request already got, if its events are in the stream; 422 if they came from another request. */
  earlierAnswer(id: string, streamId: string, events: StoredEvent[], context: CommandContext): CommandResult | undefined {
    const earlier = events.filter((e) => e.metadata.commandId === context.commandId);
    if (earlier.length === 0) return undefined;
    if (earlier[0].metadata.requestHash !== context.requestHash) throw keyReused();
    const last = earlier[earlier.length - 1];
    return {
      id,
      streamId,
      revision: Number(last.revision),
      position: Number(last.position),
      eventIds: earlier.map((e) => e.eventId),
    };
  }
}

function keyReused(): UnprocessableEntityException {
  return new UnprocessableEntityException({
    code: 'idempotency-key-reused',
    message: 'this Idempotency-Key was already used for a different request (another method, path or body)',
  });
}
