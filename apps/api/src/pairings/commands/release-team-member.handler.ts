import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../commands/command-context';
import { Deciders } from '../../commands/deciders';
import { CommandResult, StreamCommandExecutor } from '../../commands/stream-command-executor';

export class ReleaseTeamMember {
  constructor(
    readonly pairingId: string,
    readonly memberId: string,
    readonly reason: string | undefined,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(ReleaseTeamMember)
export class ReleaseTeamMemberHandler implements ICommandHandler<ReleaseTeamMember, CommandResult> {
  constructor(private readonly executor: StreamCommandExecutor, private readonly deciders: Deciders) {}

  execute({ pairingId, memberId, reason, context }: ReleaseTeamMember): Promise<CommandResult> {
    const data = reason === undefined ? { memberId } : { memberId, reason };
    return this.executor.on(this.deciders.pairingStream(pairingId), { type: 'ReleaseTeamMember', data }, context, memberId);
  }
}
