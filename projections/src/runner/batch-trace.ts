import { context, Link, ROOT_CONTEXT, Span, SpanContext, SpanStatusCode, trace } from '@opentelemetry/api';
import { StoredEvent } from '@c2g/event-store';
import { linksTo, spanContextOf, tracer } from '@c2g/telemetry';
import type { ProjectionSlot } from './projection-slot';

/** Correlation ids named on a batch span, at most. */
const MAX_CORRELATION_IDS = 16;

/**
 * The spans of one batch, made only with tracing on: a `project batch` span with a child per
 * projection that applied it. The commands that wrote the events put their span's W3C
 * `traceparent` in the events' metadata. A batch whose traced events all come from one
 * command is a child of that command's span, so the request's trace runs from HTTP through
 * the append into every read model; a batch mixing several commands starts a trace of its
 * own, linked to each command's span (up to 32).
 */
export class BatchTrace {
  private readonly span: Span;
  private readonly active: ReturnType<typeof context.active>;

  constructor(page: StoredEvent[]) {
    const contexts: SpanContext[] = [];
    const correlationIds = new Set<string>();
    for (const event of page) {
      const c = spanContextOf(event.metadata.traceparent);
      if (c) contexts.push(c);
      const correlationId = event.metadata.correlationId;
      if (typeof correlationId === 'string' && correlationIds.size < MAX_CORRELATION_IDS) correlationIds.add(correlationId);
    }
    const links: Link[] = linksTo(contexts);
    const parent = links.length === 1 ? trace.setSpanContext(ROOT_CONTEXT, links[0].context) : ROOT_CONTEXT;
    this.span = tracer().startSpan(
      'project batch',
      {
        links,
        attributes: {
          'c2g.batch.events': page.length,
          'c2g.batch.from_position': page[0].position.toString(),
          'c2g.batch.to_position': page[page.length - 1].position.toString(),
          'c2g.correlation_ids': [...correlationIds],
        },
      },
      parent,
    );
    this.active = trace.setSpan(parent, this.span);
  }

  /** Runs one projection's apply inside a span of its own. */
  projection<T>(slot: ProjectionSlot, apply: () => T): T {
    const before = slot.checkpoint;
    const span = tracer().startSpan(`project ${slot.projection.name}`, { attributes: { 'c2g.read_model': slot.projection.name, 'c2g.read_model.version': slot.projection.version } }, this.active);
    try {
      return apply();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.setAttributes({ 'c2g.checkpoint.before': before.toString(), 'c2g.checkpoint': slot.checkpoint.toString() });
      if (slot.parked) {
        span.setAttributes({ 'c2g.parked.position': slot.parked.position, 'c2g.parked.event_type': slot.parked.type });
        span.setStatus({ code: SpanStatusCode.ERROR, message: 'parked' });
      }
      span.end();
    }
  }

  end(): void {
    this.span.end();
  }
}
