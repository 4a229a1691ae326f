import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../commands/command-context';
import { derivedId } from '../../commands/idempotency';
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
    const { id, ...plan } = plain(body);
    const planId = id ?? derivedId(context, 'plan');
    return this.executor.on(this.deciders.planStream(planId), { type: 'RegisterPlan', data: { planId, ...plan } }, context);
  }
}
