import { ConflictException, Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { Decider, schemaVersionOf } from '@c2g/domain';
import { EventStore, StoredEvent, WrongExpectedVersionError } from '@c2g/event-store';
import { EVENT_STORE } from '../event-store/event-store.module';
import { CommandContext, derivedId } from './command-context';

/** What every domain event looks like on the way into the store. */
export interface DomainEvent {
  type: string;
  data: object;
}

export interface StreamCommand<C, E extends DomainEvent, S> {
  /** Id of what the stream is about (returned to the caller, who may not have chosen it). */
  id: string;
  streamId: string;
  decider: Decider<C, E, S>;
  command: C;
  context: CommandContext;
  /** Honour the request's If-Match on this stream (the one the route names). */
  checkIfMatch?: boolean;
}

/** A stream to command: what it is about, where it lives, and its decider. */
export interface StreamTarget<C, E extends DomainEvent, S> {
  id: string;
  streamId: string;
  decider: Decider<C, E, S>;
}

/** The answer to every command (DESIGN section 8). */
export interface CommandResult {
  id: string;
  streamId: string;
  revision: number;
  position: number;
  eventIds: string[];
}

/** A write that lost a race is decided again on fresh state, up to this many times, with jittered pauses. */
const MAX_ATTEMPTS = 10;

/**
 * Runs one command against one stream: read the stream, fold it, decide, append with the
 * revision that was read. No aggregate is kept in memory between requests. A retry of an
 * idempotent request that already landed gets the first answer back; a write that lost a
 * race is decided again on fresh state (unless the caller pinned a revision with If-Match).
 */
@Injectable()
export class StreamCommandExecutor {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The usual case: one command on the stream the route names, honouring If-Match. */
  on<C, E extends DomainEvent, S>(target: StreamTarget<C, E, S>, command: C, context: CommandContext, resultId = target.id) {
    return this.execute({ ...target, id: resultId, command, context, checkIfMatch: true });
  }

  async execute<C, E extends DomainEvent, S>(request: StreamCommand<C, E, S>): Promise<CommandResult> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(request);
      } catch (error) {
        const retryable = error instanceof WrongExpectedVersionError && request.context.ifMatch === undefined;
        if (!retryable || attempt >= MAX_ATTEMPTS) throw asConflict(error);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * attempt * 2));
      }
    }
  }

  /** Reads a stream and folds it; for checks that span streams (e.g. does the need exist). */
  async load<C, E extends DomainEvent, S>(streamId: string, decider: Decider<C, E, S>) {
    let state = decider.initialState();
    let last: StoredEvent | undefined;
    const events: StoredEvent[] = [];
    for await (const event of this.store.readStream(streamId)) {
      state = decider.evolve(state, { type: event.type, data: event.data } as E);
      last = event;
      events.push(event);
    }
    return { state, last, events };
  }

  private async attempt<C, E extends DomainEvent, S>(request: StreamCommand<C, E, S>): Promise<CommandResult> {
    const { id, streamId, decider, command, context } = request;
    const { state, last, events } = await this.load(streamId, decider);
    const current = last?.revision;

    const earlier = events.filter((e) => e.metadata.commandId === context.commandId);
    if (earlier.length > 0) return this.firstAnswer(id, streamId, earlier, context);

    if (request.checkIfMatch && context.ifMatch !== undefined && context.ifMatch !== (current ?? -1n)) {
      throw new ConflictException({
        code: 'revision-mismatch',
        message: `If-Match ${context.ifMatch} but ${streamId} is at revision ${current ?? -1}`,
        details: { streamId, expected: Number(context.ifMatch), actual: Number(current ?? -1n) },
      });
    }

    const decided = decider.decide(command, state);
    if (decided.length === 0) {
      return { id, streamId, revision: Number(current ?? -1n), position: Number(last?.position ?? 0n), eventIds: [] };
    }
    const eventIds = decided.map((_, i) => derivedId(context, `${streamId}/${current ?? -1n}/${i}`));
    const result = await this.store.append(
      streamId,
      decided.map((event, i) => ({
        eventId: eventIds[i],
        type: event.type,
        data: event.data,
        metadata: {
          actor: context.principal.label,
          actorKeyId: context.principal.keyId,
          role: context.principal.role,
          commandId: context.commandId,
          correlationId: context.correlationId,
          causationId: context.causationId,
          occurredAt: context.now,
          schemaVersion: schemaVersionOf(event.type),
          requestHash: context.requestHash,
        },
      })),
      { expectedRevision: current ?? 'no_stream' },
    );
    return { id, streamId, revision: Number(result.nextRevision), position: Number(result.position), eventIds };
  }

  private firstAnswer(id: string, streamId: string, earlier: StoredEvent[], context: CommandContext): CommandResult {
    if (earlier[0].metadata.requestHash !== context.requestHash) {
      throw new UnprocessableEntityException({
        code: 'idempotency-key-reused',
        message: 'this Idempotency-Key was already used for a different request',
      });
    }
    const lastEarlier = earlier[earlier.length - 1];
    return {
      id,
      streamId,
      revision: Number(lastEarlier.revision),
      position: Number(lastEarlier.position),
      eventIds: earlier.map((e) => e.eventId),
    };
  }
}

function asConflict(error: unknown): unknown {
  if (!(error instanceof WrongExpectedVersionError)) return error;
  return new ConflictException({
    code: 'concurrency-conflict',
    message: `${error.streamId} was changed by another request; read it again and retry`,
    details: { streamId: error.streamId },
  });
}
