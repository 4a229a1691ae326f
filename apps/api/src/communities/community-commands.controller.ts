import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { ApiCommand } from '../openapi/api-command.decorator';
import { Command, CommandContext } from '../commands/command-context';
import { IdParamPipe } from '../commands/id-param.pipe';
import { CommandResult } from '../commands/stream-command-executor';
import { RecordResidentsReturned } from './commands/record-residents-returned.handler';
import { RegisterCommunity } from './commands/register-community.handler';
import { UnpairCommunity } from './commands/unpair-community.handler';
import { RegisterCommunityDto } from './dto/register-community.dto';
import { ResidentsReturnedDto } from './dto/residents-returned.dto';
import { UnpairCommunityDto } from './dto/unpair-community.dto';

@ApiTags('communities')
@ApiBearerAuth()
@Roles('service')
@Controller('communities')
export class CommunityCommandsController {
  constructor(private readonly commands: CommandBus) {}

  @ApiCommand('Register a community (Israeli or global)', { status: 201, rules: ['community-already-registered'], description: 'CommunityRegistered. Registering the same community again with the same fields changes nothing.' })
  @Post()
  @HttpCode(201)
  register(@Body() body: RegisterCommunityDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new RegisterCommunity(body, context));
  }

  @ApiCommand("Record that an Israeli community's residents returned home", { status: 200, rules: ['community-kind-mismatch'], notFound: ['community-not-found'], description: 'ResidentsReturned.' })
  @Post(':id/residents-returned')
  @HttpCode(200)
  residentsReturned(
    @Param('id', IdParamPipe) id: string,
    @Body() body: ResidentsReturnedDto,
    @Command() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.execute(new RecordResidentsReturned(id, body, context));
  }

  @ApiCommand('Take a community out of a pairing', { status: 200, rules: [], notFound: ['community-not-found'], description: 'CommunityUnpaired (nothing written when the community is not in that pairing): an Israeli community may then be paired again.' })
  @Post(':id/unpairing')
  @HttpCode(200)
  unpair(@Param('id', IdParamPipe) id: string, @Body() body: UnpairCommunityDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new UnpairCommunity(id, body, context));
  }
}
