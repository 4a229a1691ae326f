import { NeedCommand, needStreamId, schemaVersionOf } from '@c2g/domain';
import { CommandContext } from '../../commands/command-context';
import { Deciders } from '../../commands/deciders';
import { CommandResult, StreamCommandExecutor } from '../../commands/stream-command-executor';

/** Runs one command on a need's stream, honouring If-Match. */
export function onNeed(
  executor: StreamCommandExecutor,
  deciders: Deciders,
  needId: string,
  command: NeedCommand,
  context: CommandContext,
): Promise<CommandResult> {
  return executor.execute({
    id: needId,
    streamId: needStreamId(needId),
    decider: deciders.need,
    context,
    checkIfMatch: true,
    schemaVersionOf,
    command,
  });
}
