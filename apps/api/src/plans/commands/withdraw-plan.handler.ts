import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../commands/command-context';
import { Deciders } from '../../commands/deciders';
import { CommandResult, StreamCommandExecutor } from '../../commands/stream-command-executor';

export class WithdrawPlan {
  constructor(readonly planId: string, readonly reason: string, readonly context: CommandContext) {}
}

@CommandHandler(WithdrawPlan)
export class WithdrawPlanHandler implements ICommandHandler<WithdrawPlan, CommandResult> {
  constructor(private readonly executor: StreamCommandExecutor, private readonly deciders: Deciders) {}

  execute({ planId, reason, context }: WithdrawPlan): Promise<CommandResult> {
    return this.executor.on(this.deciders.planStream(planId), { type: 'WithdrawPlan', data: { reason } }, context);
  }
}
