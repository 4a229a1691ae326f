import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { Context, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
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
 * The request's span as an OpenTelemetry context, to parent the spans made for it (its
 * command's, an as-of build's); undefined with tracing off. Spans are parented explicitly:
 * there is no async context manager (see `startTracing`).
 */
export function requestTrace(request: FastifyRequest): Context | undefined {
  return (request as Traced)[SPAN_CONTEXT];
}

/** The request span itself (tracing on), e.g. for the trace id of a log line about the request. */
export function requestSpan(request: FastifyRequest): Span | undefined {
  return (request as Traced)[SPAN];
}

/**
 * A metric per HTTP request (always) and, with tracing on, a server span per request.
 * Fastify hooks rather than @opentelemetry/instrumentation-http/-fastify: those patch modules
 * as they are required (an import-order constraint on main.ts and the tests), add a span per
 * Fastify hook and need the async context manager we do without; one span per request,
 * parented on an incoming `traceparent`, is all we need.
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
