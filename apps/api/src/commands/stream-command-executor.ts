import { ConflictException, Inject, Injectable, Optional, ServiceUnavailableException } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { Decider, schemaVersionOf } from '@c2g/domain';
import { EventStore, StoredEvent, WrongExpectedVersionError } from '@c2g/event-store';
import { faultPoint } from '@c2g/event-store/fault-point';
import { EVENT_STORE } from '../event-store/event-store.module';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Metrics } from '../observability/metrics';
import type { CommandContext } from './command-context';
import { CommandRun } from './command-telemetry';
import { eventMetadataOf } from './event-metadata';
import { CommandResult } from './command-result';
import { derivedId, eventIdsFor, Idempotency } from './idempotency';
import { StreamQueue } from './stream-queue';

export type { CommandResult } from './command-result';

/** What every domain event looks like on the way into the store. */
export interface DomainEvent {
  type: string;
  data: object;
}

/** A stream to command: what it is about, where it lives, and its decider. */
export interface StreamTarget<C, E extends DomainEvent, S> {
  id: string;
  streamId: string;
  decider: Decider<C, E, S>;
}

/** One stream's part of a command. */
export interface CommandStep<C = any, E extends DomainEvent = any, S = any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  target: StreamTarget<C, E, S>;
  command: C;
  /** Honour the request's If-Match on this stream (the one the route names). */
  checkIfMatch?: boolean;
  /** Undoes this step if a later step is refused after this one was written. */
  undo?: C;
}

/**
 * Conflicts can only come from other processes (this one queues commands per stream), so
 * they are rare and short: retried with exponential backoff and full jitter, then 503.
 */
const MAX_ATTEMPTS = 12;
const FIRST_BACKOFF_MS = 2;
const MAX_BACKOFF_MS = 250;

interface LoadedStep {
  step: CommandStep;
  state: unknown;
  current?: bigint;
  position: bigint;
  /** Set when this request's events are already in the stream (a retry, or an earlier attempt). */
  done?: CommandResult;
}

/**
 * Runs a command over one or more streams: read every stream, fold, decide every step —
 * a refusal anywhere writes nothing — then append step by step, each at the revision it
 * was decided on. A request's own events are recognised by its command id, so a retry (or
 * an attempt after a lost race) completes whatever is missing and answers as the first
 * time; a step refused after earlier steps were written undoes them. No aggregate is kept
 * in memory between requests.
 */
@Injectable()
export class StreamCommandExecutor {
  private readonly queue = new StreamQueue();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly idempotency: Idempotency,
    @Optional() private readonly metrics?: Metrics,
    @Optional() @Inject(APP_CONFIG) config?: Pick<AppConfig, 'logLevels'>,
  ) {
    this.logEachCommand = config?.logLevels.includes('debug') ?? false;
  }

  /** A debug line per command (LOG_LEVEL=debug): type, outcome, stream, revision, correlation id. */
  private readonly logEachCommand: boolean;

  /** The usual case: one command on the stream the route names, honouring If-Match. */
  on<C, E extends DomainEvent, S>(target: StreamTarget<C, E, S>, command: C, context: CommandContext, resultId = target.id) {
    return this.executeSteps([{ target: { ...target, id: resultId }, command, checkIfMatch: true }], context);
  }

  /** One command on one stream, If-Match not applied (the route names another stream). */
  execute<C, E extends DomainEvent, S>(request: StreamTarget<C, E, S> & { command: C; context: CommandContext }) {
    const { command, context, ...target } = request;
    return this.executeSteps([{ target, command }], context);
  }

  /** Steps over several streams, in order; answers with the last step's result. */
  executeSteps(steps: CommandStep[], context: CommandContext): Promise<CommandResult> {
    const run = new CommandRun(steps, context, this.metrics, this.logEachCommand);
    return run.observe(() =>
      this.queue.run(
        steps.map((step) => step.target.streamId),
        async () => {
          await this.idempotency.check(context);
          return this.runSteps(steps, context, run);
        },
      ),
    );
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

  /** Inside the streams' queue. */
  private async runSteps(steps: CommandStep[], context: CommandContext, run: CommandRun): Promise<CommandResult> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(steps, context, run);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        run.conflict(error.streamId);
        const pinned = context.ifMatch !== undefined && steps.some((s) => s.checkIfMatch && s.target.streamId === error.streamId);
        if (pinned) throw changedSinceIfMatch(error.streamId);
        if (attempt >= MAX_ATTEMPTS) throw storeContended(error.streamId);
        await sleep(Math.random() * Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** attempt));
      }
    }
  }

  private async attempt(steps: CommandStep[], context: CommandContext, run: CommandRun): Promise<CommandResult> {
    const loaded = await Promise.all(steps.map((step) => this.loadStep(step, context)));
    const decisions: DomainEvent[][] = [];
    try {
      // The last step is what the request is about (its answer is the request's): its own
      // rules are reported before those of the streams it touches on the way.
      for (let i = loaded.length - 1; i >= 0; i -= 1) {
        const { step, state, done } = loaded[i];
        decisions[i] = done ? [] : step.target.decider.decide(step.command, state);
      }
    } catch (refusal) {
      await this.undo(loaded.filter((l) => l.done), context, run);
      throw refusal;
    }
    if (decisions.some((events) => events.length > 0)) await this.idempotency.record(context);

    let result!: CommandResult;
    for (const [i, { step, current, position, done }] of loaded.entries()) {
      const { id, streamId } = step.target;
      if (done) result = done;
      else if (decisions[i].length === 0) result = { id, streamId, revision: Number(current ?? -1n), position: Number(position), eventIds: [] };
      else {
        result = await this.append(step, decisions[i], current, context, run);
        if (i < loaded.length - 1) faultPoint('command-between-steps');
      }
    }
    return result;
  }

  private async loadStep(step: CommandStep, context: CommandContext): Promise<LoadedStep> {
    const { id, streamId, decider } = step.target;
    const { state, last, events } = await this.load(streamId, decider);
    const done = this.idempotency.earlierAnswer(id, streamId, events, context);
    const current = last?.revision;
    if (!done && step.checkIfMatch && context.ifMatch !== undefined && context.ifMatch !== (current ?? -1n)) {
      throw new ConflictException({
        code: 'revision-mismatch',
        message: `If-Match ${context.ifMatch} but ${streamId} is at revision ${current ?? -1}`,
        details: { streamId, expected: Number(context.ifMatch), actual: Number(current ?? -1n) },
      });
    }
    return { step, state, current, position: last?.position ?? 0n, done };
  }

  private async append(step: CommandStep, events: DomainEvent[], current: bigint | undefined, context: CommandContext, run: CommandRun): Promise<CommandResult> {
    const { id, streamId } = step.target;
    const eventIds = eventIdsFor(context, streamId, current ?? -1n, events.length);
    const traceparent = run.traceparent();
    const result = await this.store.append(
      streamId,
      events.map((event, i) => ({
        eventId: eventIds[i],
        type: event.type,
        data: event.data,
        metadata: { ...eventMetadataOf(context, traceparent), schemaVersion: schemaVersionOf(event.type) },
      })),
      { expectedRevision: current ?? 'no_stream' },
    );
    run.appended(streamId, current, result.nextRevision, events.length);
    return { id, streamId, revision: Number(result.nextRevision), position: Number(result.position), eventIds };
  }

  /** Compensates the steps this request already wrote, newest first, as one command of its own. */
  private async undo(written: LoadedStep[], context: CommandContext, run: CommandRun): Promise<void> {
    const steps = written
      .filter((l) => l.step.undo !== undefined)
      .reverse()
      .map(({ step }) => ({ target: step.target, command: step.undo }));
    if (steps.length === 0) return;
    const commandId = derivedId(context, 'undo');
    await this.runSteps(steps, { ...context, commandId, causationId: context.commandId, ifMatch: undefined, idempotent: false, keyUse: { ...context.keyUse, checked: true, recorded: true } }, run);
  }
}

function changedSinceIfMatch(streamId: string): ConflictException {
  return new ConflictException({
    code: 'concurrency-conflict',
    message: `${streamId} was changed by another request after the revision in If-Match; read it again and retry`,
    details: { streamId },
  });
}

function storeContended(streamId: string): ServiceUnavailableException {
  return new ServiceUnavailableException({
    code: 'stream-contended',
    message: `${streamId} kept changing under other writers; nothing was written by this request, retry it`,
    details: { streamId },
  });
}
