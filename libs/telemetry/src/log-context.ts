import { context, createContextKey, trace } from '@opentelemetry/api';
import { tracingOn } from './tracing';

const CORRELATION_ID = createContextKey('c2g correlation id');

/** Identifiers a log line may carry: never a key, a name or any other personal data. */
export interface LogFields {
  correlationId?: string;
  commandId?: string;
  traceId?: string;
  spanId?: string;
  [name: string]: string | number | boolean | undefined;
}

/**
 * Runs `work` with a correlation id every log line inside it picks up. It rides on the
 * OpenTelemetry context, which propagates only while tracing is on; with tracing off (no
 * async context tracking, no overhead) lines that need it carry it explicitly (`LogLine`).
 */
export function withCorrelationId<T>(correlationId: string, work: () => T): T {
  if (!tracingOn()) return work();
  return context.with(context.active().setValue(CORRELATION_ID, correlationId), work);
}

/** Correlation id, trace id and span id of the code running now, as far as they are known. */
export function activeLogFields(): LogFields {
  if (!tracingOn()) return {};
  const active = context.active();
  const fields: LogFields = {};
  const correlationId = active.getValue(CORRELATION_ID);
  if (typeof correlationId === 'string') fields.correlationId = correlationId;
  const span = trace.getSpan(active)?.spanContext();
  if (span && span.traceId !== '00000000000000000000000000000000') {
    fields.traceId = span.traceId;
    fields.spanId = span.spanId;
  }
  return fields;
}

/** A log message with identifiers of its own, e.g. `logger.debug(new LogLine('…', { correlationId }))`. */
export class LogLine {
  constructor(
    readonly message: string,
    readonly fields: LogFields,
  ) {}

  toString(): string {
    return this.message;
  }
}
