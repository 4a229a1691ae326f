import { logFormatFrom } from './c2g-logger';
import { spanContextOf, tracingSettingsFromEnv } from './tracing';

describe('tracing settings from the standard OTEL_* variables', () => {
  it('is off unless an endpoint or an exporter is named', () => {
    expect(tracingSettingsFromEnv({}).exporter).toBe('none');
    expect(tracingSettingsFromEnv({ OTEL_SERVICE_NAME: 'x' })).toEqual({ exporter: 'none', serviceName: 'x' });
  });

  it('exports over OTLP/HTTP to the endpoint, or to the full traces URL', () => {
    expect(tracingSettingsFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toEqual({ exporter: 'otlp', otlpUrl: 'http://collector:4318/v1/traces', otlpProtocol: 'http/protobuf', serviceName: 'c2g' });
    expect(tracingSettingsFromEnv({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://c/x' }).otlpUrl).toBe('https://c/x');
    expect(tracingSettingsFromEnv({ OTEL_TRACES_EXPORTER: 'otlp' }).otlpUrl).toBe('http://localhost:4318/v1/traces');
  });

  it('prints with console, is off with none whatever else is set, refuses the unknown', () => {
    expect(tracingSettingsFromEnv({ OTEL_TRACES_EXPORTER: 'console' }).exporter).toBe('console');
    expect(tracingSettingsFromEnv({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' }).exporter).toBe('none');
    expect(tracingSettingsFromEnv({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' }).exporter).toBe('none');
    expect(() => tracingSettingsFromEnv({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(/OTEL_TRACES_EXPORTER/);
    expect(() => tracingSettingsFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(/http/);
  });
});

describe('the OTLP encoding from OTEL_EXPORTER_OTLP_PROTOCOL', () => {
  const otlp = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };

  it('is protobuf unless told (the specification\'s default), JSON when asked, the traces variable first', () => {
    expect(tracingSettingsFromEnv(otlp).otlpProtocol).toBe('http/protobuf');
    expect(tracingSettingsFromEnv({ ...otlp, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }).otlpProtocol).toBe('http/json');
    expect(tracingSettingsFromEnv({ ...otlp, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf' }).otlpProtocol).toBe('http/protobuf');
  });

  it('refuses gRPC and anything else, saying what to do', () => {
    expect(() => tracingSettingsFromEnv({ ...otlp, OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow('OTEL_EXPORTER_OTLP_PROTOCOL must be http/protobuf or http/json, got "grpc" (gRPC is not supported: point c2g at the collector\'s OTLP/HTTP port, 4318)');
    expect(() => tracingSettingsFromEnv({ ...otlp, OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'thrift' })).toThrow(/OTEL_EXPORTER_OTLP_TRACES_PROTOCOL must be .*"thrift"/);
  });
});

describe('sampling from OTEL_TRACES_SAMPLER', () => {
  const on = { OTEL_TRACES_EXPORTER: 'memory' };

  it('keeps every trace unless told, and reads the standard samplers and their ratio', () => {
    expect(tracingSettingsFromEnv(on).sampler).toBeUndefined();
    expect(tracingSettingsFromEnv({ ...on, OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1' }).sampler).toEqual({ kind: 'parentbased_traceidratio', ratio: 0.1 });
    expect(tracingSettingsFromEnv({ ...on, OTEL_TRACES_SAMPLER: 'TraceIdRatio' }).sampler).toEqual({ kind: 'traceidratio', ratio: 1 });
    expect(tracingSettingsFromEnv({ ...on, OTEL_TRACES_SAMPLER: 'parentbased_always_off', OTEL_TRACES_SAMPLER_ARG: 'ignored' }).sampler).toEqual({ kind: 'parentbased_always_off', ratio: 1 });
  });

  it('refuses an unknown sampler or a ratio outside 0..1, naming the variable', () => {
    expect(() => tracingSettingsFromEnv({ ...on, OTEL_TRACES_SAMPLER: 'sometimes' })).toThrow(/OTEL_TRACES_SAMPLER must be one of always_on, .*"sometimes"/);
    for (const arg of ['1.5', '-0.1', 'half', '0.1x']) {
      expect(() => tracingSettingsFromEnv({ ...on, OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: arg })).toThrow(`OTEL_TRACES_SAMPLER_ARG must be a ratio from 0 to 1, got "${arg}"`);
    }
  });
});

describe('traceparent in event metadata', () => {
  it('reads a well-formed W3C traceparent and nothing else', () => {
    expect(spanContextOf('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toEqual({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: 1, isRemote: true,
    });
    for (const bad of [undefined, 42, '', '00-00000000000000000000000000000000-00f067aa0ba902b7-01', '01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01']) {
      expect(spanContextOf(bad)).toBeUndefined();
    }
  });
});

describe('LOG_FORMAT', () => {
  it('is JSON off a terminal and text on one, unless named', () => {
    expect(logFormatFrom(undefined, false)).toBe('json');
    expect(logFormatFrom(undefined, true)).toBe('text');
    expect(logFormatFrom('text', false)).toBe('text');
    expect(logFormatFrom('JSON', true)).toBe('json');
    expect(() => logFormatFrom('xml', true)).toThrow(/LOG_FORMAT/);
  });
});
