import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../commands/command-context';
import { Deciders } from '../../commands/deciders';
import { CommandResult, StreamCommandExecutor } from '../../commands/stream-command-executor';

export class CancelNeed {
  constructor(readonly needId: string, readonly reason: string, readonly context: CommandContext) {}
}

@CommandHandler(CancelNeed)
export class CancelNeedHandler implements ICommandHandler<CancelNeed, CommandResult> {
  constructor(private readonly executor: StreamCommandExecutor, private readonly deciders: Deciders) {}

  execute({ needId, reason, context }: CancelNeed): Promise<CommandResult> {
    return this.executor.on(this.deciders.needStream(needId), { type: 'CancelNeed', data: { reason } }, context);
  }
}
