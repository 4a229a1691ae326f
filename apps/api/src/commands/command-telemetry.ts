import { HttpException, Logger } from '@nestjs/common';
import { ROOT_CONTEXT, Span, SpanStatusCode } from '@opentelemetry/api';
import { ProgramRuleError } from '@c2g/domain';
import { LogLine, spanLogFields, traceparentOf, tracer, tracingOn } from '@c2g/telemetry';
import type { Metrics, CommandOutcome } from '../observability/metrics';
import type { CommandContext } from './command-context';
import type { CommandResult } from './command-result';

const logger = new Logger('Commands');

interface Step {
  target: { streamId: string };
  command: unknown;
}

/**
 * What one command did, for its metrics, its span and its log line: measured around the
 * executor's queue, filled in as it appends and retries. With tracing off and no metrics it
 * costs a clock read and a few field writes.
 */
export class CommandRun {
  private readonly type: string;
  private readonly started = performance.now();
  private readonly span: Span | undefined;
  private conflicts = 0;
  private events = 0;
  /** Appends so far (tracing on), and the first one's details for when a second one comes. */
  private appendCount = 0;
  private firstAppend?: { attributes: Record<string, string | number>; at: number };

  constructor(
    steps: Step[],
    private readonly context: CommandContext,
    private readonly metrics: Metrics | undefined,
    private readonly log = false,
  ) {
    this.type = commandTypeOf(steps[steps.length - 1]?.command);
    if (tracingOn()) {
      this.span = tracer().startSpan(`command ${this.type}`, {
        attributes: {
          'c2g.command.type': this.type,
          'c2g.command.id': context.commandId,
          'c2g.correlation_id': context.correlationId,
          'c2g.causation_id': context.causationId,
          'c2g.streams': steps.map((step) => step.target.streamId),
          ...(context.ifMatch !== undefined ? { 'c2g.if_match': Number(context.ifMatch) } : {}),
        },
      }, context.trace ?? ROOT_CONTEXT);
    }
  }

  /** Runs the command and records how it ended. */
  observe(work: () => Promise<CommandResult>): Promise<CommandResult> {
    return work().then(
      (result) => {
        this.finish('accepted', '', result);
        return result;
      },
      (error: unknown) => {
        const { outcome, code } = outcomeOf(error);
        this.finish(outcome, code);
        throw error;
      },
    );
  }

  /** The `traceparent` the command's events carry (tracing on only). */
  traceparent(): string | undefined {
    return this.span && traceparentOf(this.span);
  }

  conflict(streamId: string): void {
    this.conflicts += 1;
    this.metrics?.appendConflicts.inc({ type: this.type });
    this.span?.addEvent('append conflict', { 'c2g.stream_id': streamId, 'c2g.attempt': this.conflicts });
  }

  appended(streamId: string, expected: bigint | undefined, revision: bigint, events: number): void {
    this.events += events;
    this.metrics?.appends.inc();
    this.metrics?.eventsAppended.inc(events);
    if (!this.span) return;
    const append = { 'c2g.stream_id': streamId, 'c2g.expected_revision': Number(expected ?? -1n), 'c2g.new_revision': Number(revision) };
    // The span's attributes say the last append. Most commands append once: an `append` event per
    // append is only added when there are several, which keeps the common span a third smaller.
    this.span.setAttributes(append);
    const event = { attributes: { ...append, 'c2g.events': events }, at: performance.timeOrigin + performance.now() };
    this.appendCount += 1;
    if (this.appendCount === 1) {
      this.firstAppend = event;
      return;
    }
    if (this.appendCount === 2) this.span.addEvent('append', this.firstAppend!.attributes, this.firstAppend!.at);
    this.span.addEvent('append', event.attributes, event.at);
  }

  private finish(outcome: CommandOutcome, code: string, result?: CommandResult): void {
    const seconds = (performance.now() - this.started) / 1000;
    this.metrics?.commands.inc({ type: this.type, outcome, code });
    this.metrics?.commandDuration.observe({ type: this.type, outcome }, seconds);
    if (this.span) {
      this.span.setAttributes({
        'c2g.outcome': outcome,
        ...(code ? { 'c2g.outcome_code': code } : {}),
        'c2g.events_appended': this.events,
        'c2g.conflict_retries': this.conflicts,
        ...(result ? { 'c2g.position': result.position } : {}),
      });
      if (outcome === 'failed' || outcome === 'contended') this.span.setStatus({ code: SpanStatusCode.ERROR, message: code });
      this.span.end();
    }
    if (this.log) {
      const streams = result ? ` on ${result.streamId} at revision ${result.revision}` : '';
      logger.debug(
        new LogLine(`${this.type} ${outcome}${code ? ` (${code})` : ''}${streams}: ${this.events} events, ${this.conflicts} conflicts, ${(seconds * 1000).toFixed(1)} ms`, {
          correlationId: this.context.correlationId,
          commandId: this.context.commandId,
          ...spanLogFields(this.span),
        }),
      );
    }
  }
}

function commandTypeOf(command: unknown): string {
  const type = (command as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' ? type : 'unknown';
}

/** A small vocabulary for labels: the error code is kept apart (refusal codes are a fixed set). */
function outcomeOf(error: unknown): { outcome: CommandOutcome; code: string } {
  if (error instanceof ProgramRuleError) return { outcome: 'refused', code: error.code };
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const code = typeof response === 'object' && response !== null && typeof (response as { code?: unknown }).code === 'string' ? (response as { code: string }).code : String(status);
    if (status === 409) return { outcome: 'conflict', code };
    if (status === 503) return { outcome: 'contended', code };
    if (status < 500) return { outcome: 'refused', code };
    return { outcome: 'failed', code };
  }
  return { outcome: 'failed', code: 'internal-error' };
}
