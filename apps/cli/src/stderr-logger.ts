import { ConsoleLogger } from '@nestjs/common';

/** The CLI's standard output is data (exports, ndjson): every log line goes to standard error. */
export class StderrLogger extends ConsoleLogger {
  protected override printMessages(messages: unknown[], context?: string, logLevel?: Parameters<ConsoleLogger['printMessages']>[2]): void {
    super.printMessages(messages, context, logLevel, 'stderr');
  }
}
