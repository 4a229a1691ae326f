import { context, propagation, trace, Link, Span, SpanContext, Tracer, TraceFlags, isSpanContextValid } from '@opentelemetry/api';
import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  InMemorySpanExporter,
  NodeTracerProvider,
  ParentBasedSampler,
  ReadableSpan,
  Sampler,
  SimpleSpanProcessor,
  SpanExporter,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-node';

/**
 * Where finished spans go. `none` (the default): no tracer is registered and every traced
 * code path is skipped after one boolean check. `otlp`: batched to an OTLP/HTTP collector
 * (protobuf unless OTEL_EXPORTER_OTLP_PROTOCOL=http/json). `console`: printed (local use).
 * `memory`: kept in this process for tests; a worker thread posts its spans to the thread that
 * started it (see `finishedSpans`).
 */
export type TraceExporterKind = 'none' | 'otlp' | 'console' | 'memory';

/** The SDK's standard samplers (OTEL_TRACES_SAMPLER); `parentbased_*` follow an incoming `traceparent`. */
const SAMPLERS = ['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'] as const;
export type TraceSamplerKind = (typeof SAMPLERS)[number];

export type OtlpProtocol = 'http/protobuf' | 'http/json';

export interface TracingSettings {
  exporter: TraceExporterKind;
  /** The OTLP/HTTP traces URL (…/v1/traces) when `exporter` is `otlp`. */
  otlpUrl?: string;
  /**
   * How OTLP/HTTP encodes spans (OTEL_EXPORTER_OTLP_PROTOCOL): `http/protobuf`, the
   * specification's default and half the bytes and CPU of `http/json`, or `http/json`.
   */
  otlpProtocol?: OtlpProtocol;
  serviceName: string;
  /**
   * Which traces are kept (unset: every one). Part of the settings rather than left to the SDK's
   * own reading of the environment so that the projector thread decides as the API does.
   */
  sampler?: { kind: TraceSamplerKind; ratio: number };
}

export class TracingConfigError extends Error {}

/**
 * The standard OpenTelemetry variables: OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) turns the OTLP exporter on; OTEL_TRACES_EXPORTER=console
 * prints spans, =none turns tracing off whatever else is set; OTEL_SERVICE_NAME names the service;
 * OTEL_TRACES_SAMPLER (+ _ARG) chooses which traces are kept.
 * Unlike the SDK's own default, nothing is exported unless one of them says so.
 */
export function tracingSettingsFromEnv(env: NodeJS.ProcessEnv): TracingSettings {
  const serviceName = env.OTEL_SERVICE_NAME?.trim() || 'c2g';
  const named = (env.OTEL_TRACES_EXPORTER ?? '').trim().toLowerCase();
  const tracesEndpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  const otlpUrl = tracesEndpoint || (endpoint ? `${endpoint.replace(/\/+$/, '')}/v1/traces` : undefined);
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true' || named === 'none') return { exporter: 'none', serviceName };
  const sampled = samplerFromEnv(env);
  const sampling = sampled ? { sampler: sampled } : {};
  if (named === 'console' || named === 'memory') return { exporter: named, serviceName, ...sampling };
  if (named === '' || named === 'otlp') {
    if (otlpUrl) {
      if (!/^https?:\/\/\S+$/.test(otlpUrl)) throw new TracingConfigError(`OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL, got "${otlpUrl}"`);
      return { exporter: 'otlp', otlpUrl, otlpProtocol: otlpProtocolFromEnv(env), serviceName, ...sampling };
    }
    return named === 'otlp'
      ? { exporter: 'otlp', otlpUrl: 'http://localhost:4318/v1/traces', otlpProtocol: otlpProtocolFromEnv(env), serviceName, ...sampling }
      : { exporter: 'none', serviceName };
  }
  throw new TracingConfigError(`OTEL_TRACES_EXPORTER must be otlp, console or none, got "${env.OTEL_TRACES_EXPORTER}"`);
}

/** OTEL_EXPORTER_OTLP_TRACES_PROTOCOL, else OTEL_EXPORTER_OTLP_PROTOCOL; `http/protobuf` unless told. */
function otlpProtocolFromEnv(env: NodeJS.ProcessEnv): OtlpProtocol {
  const named = (env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? '').trim().toLowerCase();
  if (named === '' || named === 'http/protobuf') return 'http/protobuf';
  if (named === 'http/json') return 'http/json';
  const variable = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL !== undefined ? 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL' : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  const grpc = named === 'grpc' ? ' (gRPC is not supported: point c2g at the collector\'s OTLP/HTTP port, 4318)' : '';
  throw new TracingConfigError(`${variable} must be http/protobuf or http/json, got "${named}"${grpc}`);
}

/** OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG (a ratio from 0 to 1 for the `*traceidratio` ones; default 1). */
function samplerFromEnv(env: NodeJS.ProcessEnv): TracingSettings['sampler'] {
  const kind = (env.OTEL_TRACES_SAMPLER ?? '').trim().toLowerCase();
  if (kind === '') return undefined;
  if (!(SAMPLERS as readonly string[]).includes(kind)) {
    throw new TracingConfigError(`OTEL_TRACES_SAMPLER must be one of ${SAMPLERS.join(', ')}, got "${env.OTEL_TRACES_SAMPLER}"`);
  }
  const arg = (env.OTEL_TRACES_SAMPLER_ARG ?? '').trim();
  const ratio = arg === '' ? 1 : Number(arg);
  if (kind.endsWith('traceidratio') && !(arg === '' || (/^\d*\.?\d+$/.test(arg) && ratio >= 0 && ratio <= 1))) {
    throw new TracingConfigError(`OTEL_TRACES_SAMPLER_ARG must be a ratio from 0 to 1, got "${env.OTEL_TRACES_SAMPLER_ARG}"`);
  }
  return { kind: kind as TraceSamplerKind, ratio: kind.endsWith('traceidratio') ? ratio : 1 };
}

function samplerOf(settings: TracingSettings['sampler']): Sampler {
  if (!settings) return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  const root = settings.kind.endsWith('always_off') ? new AlwaysOffSampler() : settings.kind.endsWith('traceidratio') ? new TraceIdRatioBasedSampler(settings.ratio) : new AlwaysOnSampler();
  return settings.kind.startsWith('parentbased_') ? new ParentBasedSampler({ root }) : root;
}

/** A finished span as plain data: what the `memory` exporter keeps and a worker thread posts back. */
export interface FinishedSpan {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  links: { traceId: string; spanId: string }[];
  attributes: Record<string, unknown>;
  events: { name: string; attributes: Record<string, unknown> }[];
  /** Which thread made it (the resource's `c2g.thread`). */
  thread: string;
  durationMs: number;
}

interface Active {
  provider: NodeTracerProvider;
  tracer: Tracer;
  memory?: InMemorySpanExporter;
  users: number;
}

let active: Active | undefined;
const fromWorkers: FinishedSpan[] = [];

/** True while a tracer provider is registered: every traced path checks this first. */
export function tracingOn(): boolean {
  return active !== undefined;
}

/** c2g's tracer: kept once tracing starts (the global API's lookup costs on every span). */
export function tracer(): Tracer {
  return active?.tracer ?? trace.getTracer('c2g');
}

/**
 * Registers a tracer provider for this thread (W3C trace context propagation; no async context
 * tracking: every span is given its parent). Several apps in one process share it; each `stop` releases one use.
 * `post` is given in worker threads: with the `memory` exporter their spans go to the parent.
 */
export function startTracing(
  settings: TracingSettings,
  thread: string,
  post?: (spans: FinishedSpan[]) => void,
): { stop(): Promise<void> } | undefined {
  if (settings.exporter === 'none') return undefined;
  if (active) {
    active.users += 1;
  } else {
    let memory: InMemorySpanExporter | undefined;
    let exporter: SpanExporter;
    if (settings.exporter === 'otlp') {
      exporter = settings.otlpProtocol === 'http/json' ? new OtlpJsonExporter({ url: settings.otlpUrl }) : new OtlpProtobufExporter({ url: settings.otlpUrl });
    }
    else if (settings.exporter === 'console') exporter = new ConsoleSpanExporter();
    else if (post) exporter = new PostingExporter(post, thread);
    else exporter = memory = new InMemorySpanExporter();
    const processor = settings.exporter === 'otlp' ? new BatchSpanProcessor(exporter) : new SimpleSpanProcessor(exporter);
    const provider = new NodeTracerProvider({
      resource: resourceFromAttributes({ 'service.name': settings.serviceName, 'c2g.thread': thread }),
      sampler: samplerOf(settings.sampler),
      spanProcessors: [processor],
    });
    // No context manager: an AsyncLocalStorage one hooks every promise of every request and
    // cost ≈ 10 % of HTTP throughput (docs/benchmarks.md § 9). Spans name their parent
    // explicitly instead: the request's span rides on the request, then on the CommandContext.
    provider.register({ contextManager: null });
    active = { provider, tracer: provider.getTracer('c2g'), memory, users: 1 };
  }
  let stopped = false;
  return {
    async stop() {
      if (stopped || !active) return;
      stopped = true;
      active.users -= 1;
      if (active.users > 0) return;
      const { provider } = active;
      active = undefined;
      await provider.forceFlush().catch(() => undefined);
      await provider.shutdown().catch(() => undefined);
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/** Flushes pending spans (a worker thread before it exits). */
export async function flushTracing(): Promise<void> {
  await active?.provider.forceFlush().catch(() => undefined);
}

/** With the `memory` exporter: the spans finished in this thread and those posted by its workers. */
export function finishedSpans(): FinishedSpan[] {
  const own = active?.memory?.getFinishedSpans().map((span) => toFinishedSpan(span, 'api')) ?? [];
  return [...own, ...fromWorkers];
}

/** A worker thread's spans, posted to this thread (the `memory` exporter only). */
export function receiveWorkerSpans(spans: FinishedSpan[]): void {
  if (active?.memory) fromWorkers.push(...spans);
}

export function resetFinishedSpans(): void {
  active?.memory?.reset();
  fromWorkers.length = 0;
}

/** The W3C `traceparent` of a span, for the metadata of the events it writes. */
export function traceparentOf(span: Span): string | undefined {
  const c = span.spanContext();
  if (!isSpanContextValid(c)) return undefined;
  return `00-${c.traceId}-${c.spanId}-${(c.traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED ? '01' : '00'}`;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** The remote span context a `traceparent` names, if it is well formed. */
export function spanContextOf(traceparent: unknown): SpanContext | undefined {
  if (typeof traceparent !== 'string') return undefined;
  const match = TRACEPARENT.exec(traceparent);
  if (!match) return undefined;
  const c: SpanContext = { traceId: match[1], spanId: match[2], traceFlags: parseInt(match[3], 16) & TraceFlags.SAMPLED, isRemote: true };
  return isSpanContextValid(c) ? c : undefined;
}

/** Links to each distinct span context, at most `max` of them. */
export function linksTo(contexts: Iterable<SpanContext>, max = 32): Link[] {
  const seen = new Set<string>();
  const links: Link[] = [];
  for (const c of contexts) {
    const key = `${c.traceId}/${c.spanId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    links.push({ context: c });
    if (links.length >= max) break;
  }
  return links;
}

function toFinishedSpan(span: ReadableSpan, thread: string): FinishedSpan {
  const { traceId, spanId } = span.spanContext();
  const [seconds, nanos] = span.duration;
  return {
    name: span.name,
    traceId,
    spanId,
    ...(span.parentSpanContext ? { parentSpanId: span.parentSpanContext.spanId } : {}),
    links: span.links.map((link) => ({ traceId: link.context.traceId, spanId: link.context.spanId })),
    attributes: { ...span.attributes },
    events: span.events.map((event) => ({ name: event.name, attributes: { ...event.attributes } })),
    thread: String(span.resource.attributes['c2g.thread'] ?? thread),
    durationMs: seconds * 1000 + nanos / 1e6,
  };
}

/** The `memory` exporter of a worker thread: finished spans go to the thread that started it. */
class PostingExporter implements SpanExporter {
  constructor(
    private readonly post: (spans: FinishedSpan[]) => void,
    private readonly thread: string,
  ) {}

  export(spans: ReadableSpan[], done: (result: { code: number }) => void): void {
    this.post(spans.map((span) => toFinishedSpan(span, this.thread)));
    done({ code: 0 });
  }

  async shutdown(): Promise<void> {}
}
