import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { ApiCommand } from '../openapi/api-command.decorator';
import { Command, CommandContext } from '../commands/command-context';
import { IdParamPipe } from '../commands/id-param.pipe';
import { CommandResult } from '../commands/stream-command-executor';
import { OptionalReasonDto } from '../dto/reason.dto';
import { AdvancePhase } from './commands/advance-phase.handler';
import { ApproveRoadMap } from './commands/approve-road-map.handler';
import { AssignTeamMember } from './commands/assign-team-member.handler';
import { CreatePairing } from './commands/create-pairing.handler';
import { DisburseFunds } from './commands/disburse-funds.handler';
import { MakePledge } from './commands/make-pledge.handler';
import { ReleaseTeamMember } from './commands/release-team-member.handler';
import { AdvancePhaseDto } from './dto/advance-phase.dto';
import { ApproveRoadMapDto } from './dto/approve-road-map.dto';
import { AssignTeamMemberDto } from './dto/assign-team-member.dto';
import { CreatePairingDto } from './dto/create-pairing.dto';
import { DisburseFundsDto } from './dto/disburse-funds.dto';
import { MakePledgeDto } from './dto/make-pledge.dto';

@ApiTags('pairings')
@ApiBearerAuth()
@Roles('service')
@Controller('pairings')
export class PairingCommandsController {
  constructor(private readonly commands: CommandBus) {}

  @ApiCommand('Pair an Israeli community with a global community', { status: 201, rules: ['community-already-paired', 'community-kind-mismatch', 'commitment-too-short', 'commitment-below-minimum', 'commitment-currency-unsupported', 'pairing-already-exists', 'pairing-abandoned', 'pairing-same-community'], notFound: ['community-not-found'], description: 'PairingCreated, and CommunityPaired on both communities; a refusal writes nothing.' })
  @Post()
  @HttpCode(201)
  create(@Body() body: CreatePairingDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new CreatePairing(body, context));
  }

  @ApiCommand('Assign a member of the joint team', { status: 201, rules: ['team-side-full', 'team-member-already-assigned', 'pairing-concluded'], notFound: ['pairing-not-found'], description: 'TeamMemberAssigned: two per side (israeli, global, agency). The name and contacts go to the person store; the event carries a person id.' })
  @Post(':id/team-members')
  @HttpCode(201)
  assign(@Param('id', IdParamPipe) id: string, @Body() body: AssignTeamMemberDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new AssignTeamMember(id, body, context));
  }

  @ApiCommand('Release a member of the joint team', { status: 200, rules: [], notFound: ['pairing-not-found', 'team-member-not-found'], description: 'TeamMemberReleased.' })
  @Post(':id/team-members/:memberId/release')
  @HttpCode(200)
  release(
    @Param('id', IdParamPipe) id: string,
    @Param('memberId', IdParamPipe) memberId: string,
    @Body() body: OptionalReasonDto,
    @Command() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.execute(new ReleaseTeamMember(id, memberId, body?.reason, context));
  }

  @ApiCommand('Pledge money for a program year', { status: 201, rules: ['amount-not-positive', 'currency-mismatch', 'pledge-already-exists', 'pledge-outside-term', 'pairing-concluded', 'need-of-other-pairing'], notFound: ['pairing-not-found', 'need-not-found'], description: 'PledgeMade, optionally earmarked for a need.' })
  @Post(':id/pledges')
  @HttpCode(201)
  pledge(@Param('id', IdParamPipe) id: string, @Body() body: MakePledgeDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new MakePledge(id, body, context));
  }

  @ApiCommand('Disburse funds against a pledge', { status: 201, rules: ['amount-not-positive', 'currency-mismatch', 'disbursement-already-exists', 'disbursement-exceeds-pledge'], notFound: ['pairing-not-found', 'pledge-not-found', 'need-not-found'], description: 'FundsDisbursed; never more than what is left of the pledge.' })
  @Post(':id/disbursements')
  @HttpCode(201)
  disburse(@Param('id', IdParamPipe) id: string, @Body() body: DisburseFundsDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new DisburseFunds(id, body, context));
  }

  @ApiCommand('Approve the road map to recovery', { status: 200, rules: ['road-map-empty', 'sector-unknown', 'pairing-concluded'], notFound: ['pairing-not-found'], description: 'RoadMapApproved (milestones with sector, target date and budget).' })
  @Post(':id/road-map')
  @HttpCode(200)
  roadMap(@Param('id', IdParamPipe) id: string, @Body() body: ApproveRoadMapDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new ApproveRoadMap(id, body, context));
  }

  @ApiCommand('Advance the pairing to its next phase', { status: 200, rules: ['phase-not-next', 'phase-guard-unmet'], notFound: ['pairing-not-found'], description: 'PhaseAdvanced: formation → immediate-relief (a complete team) → road-map → recovery (an approved road map) → concluded (the term fulfilled, or earlyClose with a reason).' })
  @Post(':id/phase')
  @HttpCode(200)
  phase(@Param('id', IdParamPipe) id: string, @Body() body: AdvancePhaseDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new AdvancePhase(id, body, context));
  }
}
