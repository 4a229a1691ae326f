import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { reservationsOlderThan, PairingReservation, ReadSide } from '@c2g/projections';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CommandContext } from '../commands/command-context';
import { Deciders } from '../commands/deciders';
import { commandIdFor, idempotencyKeyStreamId, requestHashOf } from '../commands/idempotency';
import { StreamCommandExecutor } from '../commands/stream-command-executor';
import { PROJECTION_RUNNER } from '../read-models/projection-runner.token';

/** Why the watcher freed a community. */
export const CREATION_NOT_COMPLETED = 'the pairing creation was interrupted and not completed within the grace period';

/**
 * The process manager that finishes what a crash left of a pairing creation: a pairing id
 * its communities recorded but that was never created is abandoned once it is older than
 * C2G_PAIRING_RESERVATION_SECONDS — PairingAbandoned first, so a late creation of that id
 * can no longer land, then its communities are unpaired. A creation that did complete is
 * left alone (abandoning a created pairing decides nothing). Every node may run it: its
 * commands derive their ids from the pairing id, so two nodes write the outcome once.
 */
@Injectable()
export class PairingReservationWatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PairingReservations');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ReadSide,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly executor: StreamCommandExecutor,
    private readonly deciders: Deciders,
  ) {}

  onApplicationBootstrap(): void {
    const everyMs = Math.min(15_000, Math.max(250, (this.config.pairingReservationSeconds * 1000) / 4));
    this.timer = setInterval(() => void this.sweep(new Date()), everyMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Abandons every reservation older than the grace period at `now`; one sweep at a time. */
  sweep(now: Date): Promise<void> {
    this.running ??= this.abandonExpired(now).finally(() => (this.running = undefined));
    return this.running;
  }

  private async abandonExpired(now: Date): Promise<void> {
    const before = new Date(now.getTime() - this.config.pairingReservationSeconds * 1000).toISOString();
    for (const reservation of reservationsOlderThan(this.runner.database('pairing-reservations'), before)) {
      try {
        await this.abandon(reservation, now.toISOString());
      } catch (error) {
        this.logger.error(`could not abandon pairing ${reservation.pairingId}: ${(error as Error).message}`);
      }
    }
  }

  private async abandon({ pairingId, communityIds }: PairingReservation, now: string): Promise<void> {
    const context = watcherContext(pairingId, now);
    const data = { pairingId, communityIds, reason: CREATION_NOT_COMPLETED };
    await this.executor.execute({ ...this.deciders.pairingStream(pairingId), command: { type: 'AbandonPairing', data }, context });
    const { state } = await this.executor.load(this.deciders.pairingStream(pairingId).streamId, this.deciders.pairing);
    if (!state.abandoned) return; // the creation completed after all
    for (const communityId of communityIds) {
      const unpair = { type: 'UnpairCommunity' as const, data: { communityId, pairingId, reason: CREATION_NOT_COMPLETED } };
      await this.executor.execute({ ...this.deciders.communityStream(communityId), command: unpair, context });
    }
    this.logger.warn(`pairing ${pairingId} was abandoned: ${CREATION_NOT_COMPLETED}; its communities are free again`);
  }
}

/** The watcher acts as c2g itself; ids follow from the pairing, so every node decides the same events. */
function watcherContext(pairingId: string, now: string): CommandContext {
  const commandId = commandIdFor('c2g', `abandon-pairing/${pairingId}`);
  return {
    principal: { keyId: 'c2g', role: 'service', label: 'c2g pairing reservation watcher' },
    commandId,
    correlationId: commandId,
    causationId: commandId,
    now,
    requestHash: requestHashOf('WATCH', 'pairing-reservations', { pairingId }),
    idempotent: false,
    keyUse: { streamId: idempotencyKeyStreamId(commandId), checked: true, recorded: true },
  };
}
