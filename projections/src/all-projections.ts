import { CommunitiesProjection } from './communities/communities.projection';
import { CoverageProjection } from './coverage/coverage.projection';
import { DuplicateFlagsProjection } from './duplicate-flags/duplicate-flags.projection';
import { FundingLedgerProjection } from './funding-ledger/funding-ledger.projection';
import { NeedsBoardProjection } from './needs-board/needs-board.projection';
import { LogTimelineProjection } from './log-timeline/log-timeline.projection';
import { PairingReservationsProjection } from './pairing-reservations/pairing-reservations.projection';
import { PairingsProjection } from './pairings/pairings.projection';
import { PlansProjection } from './plans/plans.projection';
import { Projection } from './runner/projection';
import { TransparencyLogProjection } from './transparency-log/transparency-log.projection';
import { ApiKeysProjection } from './api-keys/api-keys.projection';
import { PersonsProjection } from './persons/persons.projection';

/** Every read model the API serves, in the order they are fed. */
export function allProjections(): Projection[] {
  return [
    new CommunitiesProjection(),
    new PlansProjection(),
    new PairingsProjection(),
    new FundingLedgerProjection(),
    new NeedsBoardProjection(),
    new CoverageProjection(),
    new DuplicateFlagsProjection(),
    new PairingReservationsProjection(),
    new LogTimelineProjection(),
    new TransparencyLogProjection(),
    new ApiKeysProjection(),
    new PersonsProjection(),
  ];
}
