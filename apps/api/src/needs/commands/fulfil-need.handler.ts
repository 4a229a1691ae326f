import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../commands/command-context';
import { Deciders } from '../../commands/deciders';
import { CommandResult, StreamCommandExecutor } from '../../commands/stream-command-executor';

export class FulfilNeed {
  constructor(readonly needId: string, readonly note: string | undefined, readonly context: CommandContext) {}
}

@CommandHandler(FulfilNeed)
export class FulfilNeedHandler implements ICommandHandler<FulfilNeed, CommandResult> {
  constructor(private readonly executor: StreamCommandExecutor, private readonly deciders: Deciders) {}

  execute({ needId, note, context }: FulfilNeed): Promise<CommandResult> {
    return this.executor.on(this.deciders.needStream(needId), { type: 'FulfilNeed', data: note === undefined ? {} : { note } }, context);
  }
}
