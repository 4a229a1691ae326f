import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { communityStreamId, schemaVersionOf } from '@c2g/domain';
import { CommandContext, derivedId } from '../../commands/command-context';
import { Deciders } from '../../commands/deciders';
import { CommandResult, StreamCommandExecutor } from '../../commands/stream-command-executor';
import { RegisterCommunityDto } from '../dto/register-community.dto';

export class RegisterCommunity {
  constructor(readonly body: RegisterCommunityDto, readonly context: CommandContext) {}
}

@CommandHandler(RegisterCommunity)
export class RegisterCommunityHandler implements ICommandHandler<RegisterCommunity, CommandResult> {
  constructor(private readonly executor: StreamCommandExecutor, private readonly deciders: Deciders) {}

  execute({ body, context }: RegisterCommunity): Promise<CommandResult> {
    const communityId = body.id ?? derivedId(context, 'community');
    return this.executor.execute({
      id: communityId,
      streamId: communityStreamId(communityId),
      decider: this.deciders.community,
      context,
      checkIfMatch: true,
      schemaVersionOf,
      command: {
        type: 'RegisterCommunity',
        data: {
          communityId,
          name: body.name,
          nameHe: body.nameHe,
          aliases: body.aliases ?? [],
          kind: body.kind,
          settlementType: body.settlementType,
          regionalCouncil: body.regionalCouncil,
          country: body.country,
        },
      },
    });
  }
}
