import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../commands/command-context';
import { Deciders } from '../../commands/deciders';
import { CommandResult, StreamCommandExecutor } from '../../commands/stream-command-executor';
import { plain } from '../../dto/plain';
import { RevisePlanDto } from '../dto/revise-plan.dto';

export class RevisePlan {
  constructor(readonly planId: string, readonly body: RevisePlanDto, readonly context: CommandContext) {}
}

@CommandHandler(RevisePlan)
export class RevisePlanHandler implements ICommandHandler<RevisePlan, CommandResult> {
  constructor(private readonly executor: StreamCommandExecutor, private readonly deciders: Deciders) {}

  execute({ planId, body, context }: RevisePlan): Promise<CommandResult> {
    return this.executor.on(this.deciders.planStream(planId), { type: 'RevisePlan', data: { changes: plain(body) } }, context);
  }
}
