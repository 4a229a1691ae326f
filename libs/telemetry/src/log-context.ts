import { Span, TraceFlags } from '@opentelemetry/api';

/** Identifiers a log line may carry: never a key, a name or any other personal data. */
export interface LogFields {
  correlationId?: string;
  commandId?: string;
  traceId?: string;
  spanId?: string;
  [name: string]: string | number | boolean | undefined;
}

/**
 * A log message with identifiers of its own, e.g. `logger.debug(new LogLine('…', { correlationId }))`.
 * Identifiers are always given explicitly: there is no async context to take them from (see
 * `startTracing`), so a line names the command or span it is about.
 */
export class LogLine {
  constructor(
    readonly message: string,
    readonly fields: LogFields,
  ) {}

  toString(): string {
    return this.message;
  }
}

/** The trace and span id of `span` for a log line: nothing without a span, or for one not sampled (it is exported nowhere). */
export function spanLogFields(span: Span | undefined): Pick<LogFields, 'traceId' | 'spanId'> {
  if (!span) return {};
  const { traceId, spanId, traceFlags } = span.spanContext();
  return (traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED ? { traceId, spanId } : {};
}
