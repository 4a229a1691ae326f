import { ConsoleLogger, LogLevel } from '@nestjs/common';

/** Nest's start-up chatter (every module and route) is debug detail, not news for an operator. */
const BOOT_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

export class C2gLogger extends ConsoleLogger {
  constructor(levels: LogLevel[]) {
    super('c2g', { logLevels: levels });
  }

  override log(message: unknown, context?: string): void {
    if (context && BOOT_CONTEXTS.has(context)) {
      super.debug(message, context);
      return;
    }
    super.log(message, context);
  }
}
