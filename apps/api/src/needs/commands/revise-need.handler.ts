import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../commands/command-context';
import { Deciders } from '../../commands/deciders';
import { CommandResult, StreamCommandExecutor } from '../../commands/stream-command-executor';
import { plain } from '../../dto/plain';
import { ReviseNeedDto } from '../dto/revise-need.dto';

export class ReviseNeed {
  constructor(readonly needId: string, readonly body: ReviseNeedDto, readonly context: CommandContext) {}
}

@CommandHandler(ReviseNeed)
export class ReviseNeedHandler implements ICommandHandler<ReviseNeed, CommandResult> {
  constructor(private readonly executor: StreamCommandExecutor, private readonly deciders: Deciders) {}

  execute({ needId, body, context }: ReviseNeed): Promise<CommandResult> {
    return this.executor.on(this.deciders.needStream(needId), { type: 'ReviseNeed', data: { changes: plain(body) } }, context);
  }
}
