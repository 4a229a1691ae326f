import { resolve } from 'node:path';
import { LogLevel } from '@nestjs/common';
import type { SqliteSynchronous } from '@c2g/event-store';
import { defaultProgramTerms, ProgramTerms } from '@c2g/domain';
import { TransparencySettings, transparencySettingsFrom } from '../audit/transparency/transparency-settings';
import { LogFormat, logFormatFrom, TracingConfigError, TracingSettings, tracingSettingsFromEnv } from '@c2g/telemetry';

/** Everything the API reads from its environment, checked once at start-up. */
export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  logLevels: LogLevel[];
  /** LOG_FORMAT: one JSON object per line, or Nest's text lines; unset, JSON unless stdout is a terminal. */
  logFormat: LogFormat;
  /** OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_TRACES_EXPORTER, OTEL_SERVICE_NAME: where spans go (nowhere by default). */
  tracing: TracingSettings;
  sqliteSynchronous: SqliteSynchronous;
  /** EVENTSTORE_CONNECTION_STRING: when set, events live in EventStoreDB instead of data/events.sqlite. */
  eventStoreConnectionString?: string;
  /** EVENTSTORE_MAX_APPEND_SIZE: the cluster's MaxAppendSize; a command whose events exceed it gets 413 before anything is sent. */
  eventStoreMaxAppendSize: number;
  /** C2G_ADMIN_KEY: the operator's admin secret; when absent a key is generated at first start. */
  adminKey?: string;
  /** How long a query with ?minPosition= waits for the read models (C2G_READ_WAIT_MS). */
  readWaitMs: number;
  /** The program's terms; C2G_EXTRA_SECTORS (comma-separated codes) extends the sector taxonomy. */
  programTerms: ProgramTerms;
  /** The coverage report calls a phase unchanged for this many days stalled (C2G_STALLED_PHASE_DAYS). */
  stalledPhaseDays: number;
  /** Requests per minute per API key (C2G_RATE_LIMIT_PER_MINUTE); beyond it a 429. */
  rateLimitPerMinute: number;
  /** Largest request body accepted (C2G_BODY_LIMIT_BYTES); beyond it a 413. */
  bodyLimitBytes: number;
  /** A pairing whose creation was cut short is abandoned after this many seconds (C2G_PAIRING_RESERVATION_SECONDS). */
  pairingReservationSeconds: number;
  /** Where projections run (C2G_PROJECTOR): `thread` (default), off the request thread, or `inline`. */
  projector: 'thread' | 'inline';
  /** As-of answers built at once (C2G_AS_OF_CONCURRENCY); a few more wait, beyond that a 503. */
  asOfConcurrency: number;
  /** Read models are snapshotted every this many log positions (C2G_SNAPSHOT_EVERY), where as-of answers start. */
  snapshotEvery: number;
  /** C2G_SIGNING_KEY, C2G_LOG_ORIGIN, C2G_CHECKPOINT_INTERVAL_SECONDS: how checkpoints of the transparency log are signed. */
  transparency: TransparencySettings;
  /** The built console served at /console (C2G_CONSOLE_DIR); unset: dist/console of the checkout. */
  consoleDir?: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
const LEVEL_ALIASES: Record<string, LogLevel> = { info: 'log', trace: 'verbose' };
const SYNCHRONOUS: SqliteSynchronous[] = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

export class ConfigError extends Error {}

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: parsePort(env.PORT ?? '3000'),
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.C2G_DATA_DIR || './data'),
    logLevels: parseLogLevel(env.LOG_LEVEL ?? 'info'),
    logFormat: parseLogFormat(env.LOG_FORMAT),
    tracing: parseTracing(env),
    sqliteSynchronous: parseSynchronous(env.C2G_SQLITE_SYNCHRONOUS ?? 'FULL'),
    eventStoreConnectionString: parseConnectionString(env.EVENTSTORE_CONNECTION_STRING),
    eventStoreMaxAppendSize: parseWhole('EVENTSTORE_MAX_APPEND_SIZE', env.EVENTSTORE_MAX_APPEND_SIZE ?? '1048576', 1024, 64 * 1024 * 1024),
    adminKey: parseAdminKey(env.C2G_ADMIN_KEY),
    readWaitMs: parseMillis('C2G_READ_WAIT_MS', env.C2G_READ_WAIT_MS ?? '5000'),
    stalledPhaseDays: parseDays(env.C2G_STALLED_PHASE_DAYS ?? '90'),
    rateLimitPerMinute: parseWhole('C2G_RATE_LIMIT_PER_MINUTE', env.C2G_RATE_LIMIT_PER_MINUTE ?? '6000', 1, 10_000_000),
    bodyLimitBytes: parseWhole('C2G_BODY_LIMIT_BYTES', env.C2G_BODY_LIMIT_BYTES ?? '1048576', 1024, 100 * 1024 * 1024),
    projector: parseProjector(env.C2G_PROJECTOR ?? 'thread'),
    asOfConcurrency: parseWhole('C2G_AS_OF_CONCURRENCY', env.C2G_AS_OF_CONCURRENCY ?? '1', 1, 16),
    snapshotEvery: parseWhole('C2G_SNAPSHOT_EVERY', env.C2G_SNAPSHOT_EVERY ?? '25000', 100, 100_000_000),
    pairingReservationSeconds: parseWhole('C2G_PAIRING_RESERVATION_SECONDS', env.C2G_PAIRING_RESERVATION_SECONDS ?? '60', 1, 86_400),
    programTerms: { ...defaultProgramTerms, sectors: [...defaultProgramTerms.sectors, ...parseSectors(env.C2G_EXTRA_SECTORS)] },
    transparency: parseTransparency(env),
    ...(env.C2G_CONSOLE_DIR ? { consoleDir: resolve(env.C2G_CONSOLE_DIR) } : {}),
  };
}

function parseTransparency(env: NodeJS.ProcessEnv): TransparencySettings {
  try {
    return transparencySettingsFrom(env);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer from 0 to 65535, got "${value}"`);
  }
  return port;
}

/** LOG_LEVEL names the least severe level still printed (info by default). */
function parseLogLevel(value: string): LogLevel[] {
  const level = LEVEL_ALIASES[value.toLowerCase()] ?? (value.toLowerCase() as LogLevel);
  const index = LEVELS.indexOf(level);
  if (index < 0) {
    throw new ConfigError(`LOG_LEVEL must be one of ${[...LEVELS, 'info'].join(', ')}, got "${value}"`);
  }
  return LEVELS.slice(0, index + 1);
}

function parseLogFormat(value: string | undefined): LogFormat {
  try {
    return logFormatFrom(value, process.stdout.isTTY === true);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

function parseTracing(env: NodeJS.ProcessEnv): TracingSettings {
  try {
    return tracingSettingsFromEnv(env);
  } catch (error) {
    if (error instanceof TracingConfigError) throw new ConfigError(error.message);
    throw error;
  }
}

function parseSynchronous(value: string): SqliteSynchronous {
  const mode = value.toUpperCase() as SqliteSynchronous;
  if (!SYNCHRONOUS.includes(mode)) {
    throw new ConfigError(`C2G_SQLITE_SYNCHRONOUS must be one of ${SYNCHRONOUS.join(', ')}, got "${value}"`);
  }
  return mode;
}

function parseConnectionString(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (!/^esdb(\+discover)?:\/\/\S+$/.test(value.trim())) {
    throw new ConfigError('EVENTSTORE_CONNECTION_STRING must start with esdb:// or esdb+discover://');
  }
  return value.trim();
}

function parseAdminKey(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.length < 24 || /\s/.test(value)) {
    throw new ConfigError('C2G_ADMIN_KEY must be at least 24 characters with no spaces');
  }
  return value;
}

function parseMillis(name: string, value: string): number {
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0 || ms > 60_000) {
    throw new ConfigError(`${name} must be a whole number of milliseconds from 0 to 60000, got "${value}"`);
  }
  return ms;
}

function parseSectors(value: string | undefined): string[] {
  const sectors = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const bad = sectors.find((s) => !/^[a-z0-9-]{1,64}$/.test(s));
  if (bad) throw new ConfigError(`C2G_EXTRA_SECTORS holds "${bad}"; sector codes use a-z, 0-9 and -`);
  return sectors;
}

function parseDays(value: string): number {
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new ConfigError(`C2G_STALLED_PHASE_DAYS must be a whole number of days from 1 to 3650, got "${value}"`);
  }
  return days;
}

function parseWhole(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

function parseProjector(value: string): 'thread' | 'inline' {
  if (value !== 'thread' && value !== 'inline') throw new ConfigError(`C2G_PROJECTOR must be thread or inline, got "${value}"`);
  return value;
}
