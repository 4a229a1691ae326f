import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../commands/command-context';
import { Deciders } from '../../commands/deciders';
import { CommandResult, StreamCommandExecutor } from '../../commands/stream-command-executor';
import { UnpairCommunityDto } from '../dto/unpair-community.dto';

export class UnpairCommunity {
  constructor(readonly communityId: string, readonly body: UnpairCommunityDto, readonly context: CommandContext) {}
}

/** Frees a community from a pairing (a partner withdrew, or a pairing creation never completed). */
@CommandHandler(UnpairCommunity)
export class UnpairCommunityHandler implements ICommandHandler<UnpairCommunity, CommandResult> {
  constructor(private readonly executor: StreamCommandExecutor, private readonly deciders: Deciders) {}

  execute({ communityId, body, context }: UnpairCommunity): Promise<CommandResult> {
    const data = { communityId, pairingId: body.pairingId, reason: body.reason };
    return this.executor.on(this.deciders.communityStream(communityId), { type: 'UnpairCommunity', data }, context);
  }
}
