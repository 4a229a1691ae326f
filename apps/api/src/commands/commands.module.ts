import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommunityCommandsController } from '../communities/community-commands.controller';
import { RecordResidentsReturnedHandler } from '../communities/commands/record-residents-returned.handler';
import { RegisterCommunityHandler } from '../communities/commands/register-community.handler';
import { UnpairCommunityHandler } from '../communities/commands/unpair-community.handler';
import { NeedCommandsController } from '../needs/need-commands.controller';
import { CancelNeedHandler } from '../needs/commands/cancel-need.handler';
import { FulfilNeedHandler } from '../needs/commands/fulfil-need.handler';
import { RecordNeedHandler } from '../needs/commands/record-need.handler';
import { ReviseNeedHandler } from '../needs/commands/revise-need.handler';
import { PairingCommandsController } from '../pairings/pairing-commands.controller';
import { PairingReservationWatcher } from '../pairings/pairing-reservation-watcher';
import { AdvancePhaseHandler } from '../pairings/commands/advance-phase.handler';
import { ApproveRoadMapHandler } from '../pairings/commands/approve-road-map.handler';
import { AssignTeamMemberHandler } from '../pairings/commands/assign-team-member.handler';
import { CreatePairingHandler } from '../pairings/commands/create-pairing.handler';
import { DisburseFundsHandler } from '../pairings/commands/disburse-funds.handler';
import { MakePledgeHandler } from '../pairings/commands/make-pledge.handler';
import { ReleaseTeamMemberHandler } from '../pairings/commands/release-team-member.handler';
import { PlanCommandsController } from '../plans/plan-commands.controller';
import { RegisterPlanHandler } from '../plans/commands/register-plan.handler';
import { ImportPlansHandler } from '../plans/import/import-plans.handler';
import { RevisePlanHandler } from '../plans/commands/revise-plan.handler';
import { WithdrawPlanHandler } from '../plans/commands/withdraw-plan.handler';
import { Deciders } from './deciders';
import { Idempotency } from './idempotency';
import { StreamCommandExecutor } from './stream-command-executor';

/** The write side: one @nestjs/cqrs handler per program command, all on the shared executor. */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [CommunityCommandsController, PlanCommandsController, PairingCommandsController, NeedCommandsController],
  providers: [
    StreamCommandExecutor,
    Idempotency,
    Deciders,
    RegisterCommunityHandler,
    RecordResidentsReturnedHandler,
    UnpairCommunityHandler,
    RegisterPlanHandler,
    ImportPlansHandler,
    RevisePlanHandler,
    WithdrawPlanHandler,
    CreatePairingHandler,
    AssignTeamMemberHandler,
    ReleaseTeamMemberHandler,
    MakePledgeHandler,
    DisburseFundsHandler,
    ApproveRoadMapHandler,
    AdvancePhaseHandler,
    RecordNeedHandler,
    ReviseNeedHandler,
    FulfilNeedHandler,
    CancelNeedHandler,
    PairingReservationWatcher,
  ],
  exports: [StreamCommandExecutor, Deciders],
})
export class CommandsModule {}
