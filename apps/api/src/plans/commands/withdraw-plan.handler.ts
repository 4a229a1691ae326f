import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { planStreamId, schemaVersionOf } from '@c2g/domain';
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
    return this.executor.execute({
      id: planId,
      streamId: planStreamId(planId),
      decider: this.deciders.plan,
      context,
      checkIfMatch: true,
      schemaVersionOf,
      command: { type: 'WithdrawPlan', data: { reason } },
    });
  }
}
