import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../commands/command-context';
import { derivedId } from '../../commands/idempotency';
import { Deciders } from '../../commands/deciders';
import { CommandResult, StreamCommandExecutor } from '../../commands/stream-command-executor';
import { plain } from '../../dto/plain';
import { RegisterCommunityDto } from '../dto/register-community.dto';

export class RegisterCommunity {
  constructor(readonly body: RegisterCommunityDto, readonly context: CommandContext) {}
}

@CommandHandler(RegisterCommunity)
export class RegisterCommunityHandler implements ICommandHandler<RegisterCommunity, CommandResult> {
  constructor(private readonly executor: StreamCommandExecutor, private readonly deciders: Deciders) {}

  execute({ body, context }: RegisterCommunity): Promise<CommandResult> {
    const { id, ...profile } = plain(body);
    const communityId = id ?? derivedId(context, 'community');
    return this.executor.on(
      this.deciders.communityStream(communityId),
      { type: 'RegisterCommunity', data: { communityId, ...profile, aliases: profile.aliases ?? [] } },
      context,
    );
  }
}
