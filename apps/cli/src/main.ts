import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { Command } from 'commander';
import { demoCommand } from './commands/demo.command';
import { exportCommand } from './commands/export.command';
import { replayCommand } from './commands/replay.command';
import { statusCommand } from './commands/status.command';
import { verifyCommand } from './commands/verify.command';
import { StderrLogger } from './stderr-logger';

/** c2g: the operator's and analyst's command line over the embedded store. */
export function buildProgram(): Command {
  Logger.overrideLogger(new StderrLogger('c2g', { logLevels: ['fatal', 'error', 'warn', 'log'] }));
  return new Command('c2g')
    .description('Communities2Gether coordination backend: inspect, verify and replay the event log')
    .addCommand(statusCommand())
    .addCommand(verifyCommand())
    .addCommand(replayCommand())
    .addCommand(demoCommand())
    .addCommand(exportCommand())
    .showHelpAfterError();
}

if (require.main === module) {
  buildProgram()
    .parseAsync(process.argv)
    .catch((error: Error) => {
      process.stderr.write(`c2g: ${error.message}\n`);
      process.exit(2);
    });
}
