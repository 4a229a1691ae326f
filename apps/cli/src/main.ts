import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { Command } from 'commander';
import { c2gVersion } from './backup/files';
import { asOfCommand } from './commands/as-of.command';
import { backupCommand } from './commands/backup.command';
import { demoCommand } from './commands/demo.command';
import { evalDuplicatesCommand } from './commands/eval-duplicates.command';
import { exportCommand } from './commands/export.command';
import { importCommand } from './commands/import.command';
import { eventsCommand, streamsCommand } from './commands/inspect.command';
import { replayCommand } from './commands/replay.command';
import { restoreCommand } from './commands/restore.command';
import { statusCommand } from './commands/status.command';
import { verifyCommand } from './commands/verify.command';
import { witnessCommand } from './commands/witness.command';
import { StderrLogger } from './stderr-logger';

/** c2g: the operator's and analyst's command line over the embedded store. */
export function buildProgram(): Command {
  Logger.overrideLogger(new StderrLogger('c2g', { logLevels: ['fatal', 'error', 'warn', 'log'], colors: process.stderr.isTTY === true && !process.env.NO_COLOR }));
  return new Command('c2g')
    .description('Communities2Gether coordination backend: inspect, verify and replay the event log')
    .version(c2gVersion(), '-V, --version', 'print the c2g version')
    .addCommand(statusCommand())
    .addCommand(verifyCommand())
    .addCommand(witnessCommand())
    .addCommand(replayCommand())
    .addCommand(demoCommand())
    .addCommand(exportCommand())
    .addCommand(importCommand())
    .addCommand(asOfCommand())
    .addCommand(streamsCommand())
    .addCommand(eventsCommand())
    .addCommand(evalDuplicatesCommand())
    .addCommand(backupCommand())
    .addCommand(restoreCommand())
    .showHelpAfterError();
}

// `c2g events | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

if (require.main === module) {
  buildProgram()
    .parseAsync(process.argv)
    .catch((error: Error) => {
      process.stderr.write(`c2g: ${error.message}\n`);
      process.exit(2);
    });
}
