import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommunityKind, communityStreamId, pairingStreamId } from '@c2g/domain';
import { CommandContext } from '../../commands/command-context';
import { Deciders } from '../../commands/deciders';
import { derivedId } from '../../commands/idempotency';
import { CommandResult, CommandStep, StreamCommandExecutor } from '../../commands/stream-command-executor';
import { plain } from '../../dto/plain';
import { CreatePairingDto } from '../dto/create-pairing.dto';

export class CreatePairing {
  constructor(readonly body: CreatePairingDto, readonly context: CommandContext) {}
}

/** Why a creation refused after its communities were written frees them again. */
export const PAIRING_NOT_CREATED = 'the pairing was refused after its communities had recorded it';

/**
 * Three streams: the Israeli community records the pairing first — its stream revision is
 * the guard that lets only one of many concurrent pairings win — then the global
 * community, then the pairing itself. Every step is decided before the first append, so a
 * refusal (an unknown or mistyped community, an already paired one, terms below the
 * program minimum) writes nothing. Should the pairing itself be refused after the
 * communities were written (another request took the same pairing id meanwhile), the
 * communities are unpaired again. A crash between the steps leaves a reservation: a retry
 * with the same Idempotency-Key, or the identical request without one, completes it, and
 * otherwise the pairing reservation watcher abandons it after a grace period.
 */
@CommandHandler(CreatePairing)
export class CreatePairingHandler implements ICommandHandler<CreatePairing, CommandResult> {
  constructor(private readonly executor: StreamCommandExecutor, private readonly deciders: Deciders) {}

  async execute({ body, context: given }: CreatePairing): Promise<CommandResult> {
    const context = given.idempotent ? given : ((await this.interruptedCreation(body, given)) ?? given);
    const pairingId = body.id ?? derivedId(context, 'pairing');
    const { id: _id, ...terms } = plain(body);
    const steps: CommandStep[] = [
      this.pair(body.israeliCommunityId, pairingId, 'israeli'),
      this.pair(body.globalCommunityId, pairingId, 'global'),
      { target: this.deciders.pairingStream(pairingId), command: { type: 'CreatePairing', data: { pairingId, ...terms } } },
    ];
    return this.executor.executeSteps(steps, context);
  }

  private pair(communityId: string, pairingId: string, as: CommunityKind): CommandStep {
    return {
      target: this.deciders.communityStream(communityId),
      command: { type: 'PairCommunity', data: { communityId, pairingId, as } },
      undo: { type: 'UnpairCommunity', data: { communityId, pairingId, reason: PAIRING_NOT_CREATED } },
    };
  }

  /**
   * The same request (same body) sent again without an Idempotency-Key after a crash cut
   * the first one short: it continues as that request, so it completes the pairing the
   * first one reserved instead of being refused by its reservation.
   */
  private async interruptedCreation(body: CreatePairingDto, context: CommandContext): Promise<CommandContext | undefined> {
    const { events, state } = await this.executor.load(communityStreamId(body.israeliCommunityId), this.deciders.community);
    for (const pairingId of state.activePairings) {
      const reserved = events.find((e) => e.type === 'CommunityPaired' && (e.data as { pairingId: string }).pairingId === pairingId);
      if (reserved?.metadata.requestHash !== context.requestHash || typeof reserved.metadata.commandId !== 'string') continue;
      const pairing = await this.executor.load(pairingStreamId(pairingId), this.deciders.pairing);
      if (pairing.events.length === 0) return { ...context, commandId: reserved.metadata.commandId, causationId: reserved.metadata.commandId };
    }
    return undefined;
  }
}
