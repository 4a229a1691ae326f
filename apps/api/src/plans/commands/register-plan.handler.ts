import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { planStreamId, schemaVersionOf } from '@c2g/domain';
import { CommandContext, derivedId } from '../../commands/command-context';
import { Deciders } from '../../commands/deciders';
import { CommandResult, StreamCommandExecutor } from '../../commands/stream-command-executor';
import { plain } from '../../dto/plain';
import { RegisterPlanDto } from '../dto/register-plan.dto';

export class RegisterPlan {
  constructor(readonly body: RegisterPlanDto, readonly context: CommandContext) {}
}

@CommandHandler(RegisterPlan)
export class RegisterPlanHandler implements ICommandHandler<RegisterPlan, CommandResult> {
  constructor(private readonly executor: StreamCommandExecutor, private readonly deciders: Deciders) {}

  execute({ body, context }: RegisterPlan): Promise<CommandResult> {
    const { id, ...plan } = body;
    const planId = id ?? derivedId(context, 'plan');
    return this.executor.execute({
      id: planId,
      streamId: planStreamId(planId),
      decider: this.deciders.plan,
      context,
      checkIfMatch: true,
      schemaVersionOf,
      command: { type: 'RegisterPlan', data: { planId, ...plain(plan) } },
    });
  }
}
