import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
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

  @Post()
  @HttpCode(201)
  create(@Body() body: CreatePairingDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new CreatePairing(body, context));
  }

  @Post(':id/team-members')
  @HttpCode(201)
  assign(@Param('id', IdParamPipe) id: string, @Body() body: AssignTeamMemberDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new AssignTeamMember(id, body, context));
  }

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

  @Post(':id/pledges')
  @HttpCode(201)
  pledge(@Param('id', IdParamPipe) id: string, @Body() body: MakePledgeDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new MakePledge(id, body, context));
  }

  @Post(':id/disbursements')
  @HttpCode(201)
  disburse(@Param('id', IdParamPipe) id: string, @Body() body: DisburseFundsDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new DisburseFunds(id, body, context));
  }

  @Post(':id/road-map')
  @HttpCode(200)
  roadMap(@Param('id', IdParamPipe) id: string, @Body() body: ApproveRoadMapDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new ApproveRoadMap(id, body, context));
  }

  @Post(':id/phase')
  @HttpCode(200)
  phase(@Param('id', IdParamPipe) id: string, @Body() body: AdvancePhaseDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new AdvancePhase(id, body, context));
  }
}
