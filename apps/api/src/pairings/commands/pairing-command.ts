import { PairingCommand, pairingStreamId, schemaVersionOf } from '@c2g/domain';
import { CommandContext } from '../../commands/command-context';
import { Deciders } from '../../commands/deciders';
import { CommandResult, StreamCommandExecutor } from '../../commands/stream-command-executor';

/** Runs one command on an existing pairing's stream, honouring If-Match. */
export function onPairing(
  executor: StreamCommandExecutor,
  deciders: Deciders,
  pairingId: string,
  command: PairingCommand,
  context: CommandContext,
  resultId = pairingId,
): Promise<CommandResult> {
  return executor.execute({
    id: resultId,
    streamId: pairingStreamId(pairingId),
    decider: deciders.pairing,
    context,
    checkIfMatch: true,
    schemaVersionOf,
    command,
  });
}
