import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { context, Context, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { tracer, tracingOn } from '@c2g/telemetry';
import { Metrics } from './metrics';

const SPAN = Symbol('c2g.span');
const SPAN_CONTEXT = Symbol('c2g.spanContext');
type Traced = FastifyRequest & { [SPAN]?: Span; [SPAN_CONTEXT]?: Context };

/** The route pattern (`/pairings/:id/pledges`), never the path with its ids; `unmatched` for 404s. */
function routeOf(request: FastifyRequest): string {
  return request.routeOptions?.url ?? 'unmatched';
}

/**
 * A metric per HTTP request (always) and, with tracing on, a server span per request.
 * Fastify hooks rather than @opentelemetry/instrumentation-http/-fastify: those patch modules
 * as they are required (an import-order constraint on main.ts and the tests) and add a span
 * per Fastify hook; one span per request, parented on an incoming `traceparent`, is all we
 * need. The span is made the active context from preValidation on (after the body is read,
 * where Fastify's stream callbacks would lose it), so the command span is its child.
 */
export function registerHttpTelemetry(app: NestFastifyApplication, metrics: Metrics): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = routeOf(request);
    metrics.httpRequests.inc({ method: request.method, route, status_code: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    done();
  });
  if (!tracingOn()) return;

  fastify.addHook('onRequest', (request: Traced, _reply, done) => {
    const route = routeOf(request);
    const parent = propagation.extract(ROOT_CONTEXT, request.headers);
    const span = tracer().startSpan(
      `${request.method} ${route}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'http.route': route } },
      parent,
    );
    request[SPAN] = span;
    request[SPAN_CONTEXT] = trace.setSpan(parent, span);
    done();
  });
  fastify.addHook('preValidation', (request: Traced, _reply, done) => {
    const active = request[SPAN_CONTEXT];
    if (active) context.with(active, done);
    else done();
  });
  fastify.addHook('onResponse', (request: Traced, reply, done) => {
    const span = request[SPAN];
    if (span) {
      span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
    done();
  });
}
