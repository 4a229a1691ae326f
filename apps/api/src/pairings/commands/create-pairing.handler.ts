import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommunityKind, pairingStreamId } from '@c2g/domain';
import { CommandContext, derivedId } from '../../commands/command-context';
import { Deciders } from '../../commands/deciders';
import { CommandResult, StreamCommandExecutor } from '../../commands/stream-command-executor';
import { plain } from '../../dto/plain';
import { CreatePairingDto } from '../dto/create-pairing.dto';

export class CreatePairing {
  constructor(readonly body: CreatePairingDto, readonly context: CommandContext) {}
}

/**
 * Three streams, one after the other: the pairing's terms are checked first (nothing is
 * written if they break a rule), then each community records the pairing — the Israeli
 * community's stream revision is the guard that lets only one of many concurrent pairings
 * win — and last the pairing itself. Event ids derive from the command, so a retry with the
 * same Idempotency-Key completes whatever a crash left half done.
 */
@CommandHandler(CreatePairing)
export class CreatePairingHandler implements ICommandHandler<CreatePairing, CommandResult> {
  constructor(private readonly executor: StreamCommandExecutor, private readonly deciders: Deciders) {}

  async execute({ body, context }: CreatePairing): Promise<CommandResult> {
    const pairingId = body.id ?? derivedId(context, 'pairing');
    const { id: _id, ...terms } = plain(body);
    const command = { type: 'CreatePairing' as const, data: { pairingId, ...terms } };
    const { state } = await this.executor.load(pairingStreamId(pairingId), this.deciders.pairing);
    this.deciders.pairing.decide(command, state);

    await this.pair(body.israeliCommunityId, pairingId, 'israeli', context);
    await this.pair(body.globalCommunityId, pairingId, 'global', context);
    return this.executor.execute({ ...this.deciders.pairingStream(pairingId), command, context });
  }

  private pair(communityId: string, pairingId: string, as: CommunityKind, context: CommandContext) {
    const command = { type: 'PairCommunity' as const, data: { communityId, pairingId, as } };
    return this.executor.execute({ ...this.deciders.communityStream(communityId), command, context });
  }
}
