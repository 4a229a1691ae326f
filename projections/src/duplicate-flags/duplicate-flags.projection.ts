import type { Database } from 'better-sqlite3';
import { CommunityEvent, DuplicateFlagEvent, NeedEvent, PairingEvent, PlanEvent } from '@c2g/domain';
import { StoredEvent } from '@c2g/event-store';
import { domainEvent } from '../runner/domain-event';
import { Projection, ProjectionContext } from '../runner/projection';
import { DUPLICATE_FLAG_COUNTS_SCHEMA, DUPLICATE_FLAGS_SCHEMA } from './duplicate-flags.schema';
import { FlagRaiser } from './flag-raiser';
import { RateTable } from './similarity/duplicate-score';
import { normalizeText } from './similarity/normalize';

/** Value of one unit in USD, for comparing budgets only (never for adding money). */
export const DEFAULT_RATES: RateTable = { USD: 1, ILS: 0.27 };

type Event = CommunityEvent | PairingEvent | NeedEvent | PlanEvent | DuplicateFlagEvent;

/**
 * Raises duplicate-effort flags as needs, plans, pledges and revisions arrive: need↔plan and
 * need↔need within one community and sector (a council's plan covers each of its
 * communities), and over-funding. Deterministic: the same events give the same flags.
 */
export class DuplicateFlagsProjection implements Projection {
  readonly name = 'duplicate-flags';
  readonly version: number;
  /** Version 4 (the same flags, no counts per status) goes on serving while version 5 rebuilds. */
  readonly previous?: Projection;

  constructor(
    private readonly rates: RateTable = DEFAULT_RATES,
    private readonly countsPerStatus = true,
  ) {
    this.version = countsPerStatus ? 5 : 4;
    if (countsPerStatus) this.previous = new DuplicateFlagsProjection(rates, false);
  }

  setup(db: Database): void {
    db.exec(DUPLICATE_FLAGS_SCHEMA);
    if (this.countsPerStatus) db.exec(DUPLICATE_FLAG_COUNTS_SCHEMA);
  }

  apply(stored: StoredEvent, context: ProjectionContext): void {
    const { db } = context;
    const raiser = new FlagRaiser(db, this.rates, stored, context);
    const event = domainEvent<Event>(stored);
    switch (event.type) {
      case 'CommunityRegistered': {
        const c = event.data;
        const words = [c.name, ...c.aliases].flatMap((name) => normalizeText(name).split(' '));
        db.prepare('INSERT OR REPLACE INTO dup_communities (community_id, name, regional_council, place_words) VALUES (?, ?, ?, ?)')
          .run(c.communityId, c.name, c.regionalCouncil ?? null, JSON.stringify([...new Set(words)]));
        return;
      }
      case 'PairingCreated':
        db.prepare('INSERT OR REPLACE INTO dup_pairings (pairing_id, community_id) VALUES (?, ?)').run(event.data.pairingId, event.data.israeliCommunityId);
        return;
      case 'NeedRecorded':
        raiser.recordNeed(event.data);
        return;
      case 'NeedRevised':
        raiser.reviseNeed(event.data.needId, event.data.changes);
        return;
      case 'NeedFulfilled':
      case 'NeedCancelled':
        raiser.closeNeed(event.data.needId);
        return;
      case 'PlanRegistered':
        raiser.registerPlan(event.data);
        return;
      case 'PlanRevised':
        raiser.revisePlan(event.data.planId, event.data.changes);
        return;
      case 'PlanWithdrawn':
        raiser.withdrawPlan(event.data.planId);
        return;
      case 'PledgeMade':
        if (event.data.needId !== undefined) raiser.pledgeForNeed(event.data.needId, event.data.amount);
        return;
      case 'ConceptsLinked':
      case 'ConceptsSeparated':
        raiser.learn(event);
        return;
      case 'DuplicateFlagResolved':
        raiser.resolve(event.data);
        return;
      default:
        return;
    }
  }
}
