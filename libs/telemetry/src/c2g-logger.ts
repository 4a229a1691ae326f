import { ConsoleLogger, LogLevel } from '@nestjs/common';
import { LogLine } from './log-context';

/** Nest's start-up chatter (every module and route) is debug detail, not news for an operator. */
const BOOT_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/** Nest's level names as an operator's tools know them. */
const LEVEL_NAMES: Partial<Record<LogLevel, string>> = { log: 'info', verbose: 'trace' };

export type LogFormat = 'json' | 'text';

/** LOG_FORMAT: `json` or `text`; unset, JSON unless stdout is a terminal. */
export function logFormatFrom(value: string | undefined, stdoutIsTty: boolean): LogFormat {
  const named = (value ?? '').trim().toLowerCase();
  if (named === 'json' || named === 'text') return named;
  if (named === '' || named === 'auto') return stdoutIsTty ? 'text' : 'json';
  throw new Error(`LOG_FORMAT must be json or text, got "${value}"`);
}

/**
 * The one logger of the API and its worker threads. `json`: one object per line with time,
 * level, context, message and the identifiers a `LogLine` names (correlation id, trace id, span id). `text`:
 * Nest's human-readable lines, identifiers appended.
 */
export class C2gLogger extends ConsoleLogger {
  constructor(levels: LogLevel[], format: LogFormat = 'text', stdoutIsTty = process.stdout.isTTY === true) {
    // Colour only for a person at a terminal: a file or a pipe gets no ANSI escape codes.
    super('c2g', { logLevels: levels, json: format === 'json', colors: format === 'text' && stdoutIsTty && !process.env.NO_COLOR });
  }

  override log(message: unknown, context?: string): void {
    if (context && BOOT_CONTEXTS.has(context)) {
      super.debug(message, context);
      return;
    }
    super.log(message, context);
  }

  protected override getJsonLogObject(
    message: unknown,
    options: { context: string; logLevel: LogLevel; errorStack?: unknown },
  ): ReturnType<ConsoleLogger['getJsonLogObject']> {
    const fields = message instanceof LogLine ? definedOnly(message.fields) : {};
    const line: Record<string, unknown> = {
      time: new Date().toISOString(),
      level: LEVEL_NAMES[options.logLevel] ?? options.logLevel,
      ...(options.context ? { context: options.context } : {}),
      message: message instanceof LogLine ? message.message : message,
      ...fields,
      pid: process.pid,
    };
    if (options.errorStack) line.stack = options.errorStack;
    return line as unknown as ReturnType<ConsoleLogger['getJsonLogObject']>;
  }

  protected override stringifyMessage(message: unknown, logLevel: LogLevel): string {
    if (!(message instanceof LogLine)) return super.stringifyMessage(message, logLevel);
    const fields = Object.entries(definedOnly(message.fields)).map(([name, value]) => `${name}=${value}`);
    return super.stringifyMessage(fields.length > 0 ? `${message.message} (${fields.join(' ')})` : message.message, logLevel);
  }
}

function definedOnly(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
