import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../commands/command-context';
import { Deciders } from '../../commands/deciders';
import { CommandResult, StreamCommandExecutor } from '../../commands/stream-command-executor';
import { AdvancePhaseDto } from '../dto/advance-phase.dto';

export class AdvancePhase {
  constructor(readonly pairingId: string, readonly body: AdvancePhaseDto, readonly context: CommandContext) {}
}

@CommandHandler(AdvancePhase)
export class AdvancePhaseHandler implements ICommandHandler<AdvancePhase, CommandResult> {
  constructor(private readonly executor: StreamCommandExecutor, private readonly deciders: Deciders) {}

  execute({ pairingId, body, context }: AdvancePhase): Promise<CommandResult> {
    const { to, reason, earlyClose } = body;
    return this.executor.on(this.deciders.pairingStream(pairingId), { type: 'AdvancePhase', data: { to, reason, earlyClose, now: context.now } }, context);
  }
}
