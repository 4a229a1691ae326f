import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { ApiCommand } from '../openapi/api-command.decorator';
import { Command, CommandContext } from '../commands/command-context';
import { IdParamPipe } from '../commands/id-param.pipe';
import { CommandResult } from '../commands/stream-command-executor';
import { ReasonDto } from '../dto/reason.dto';
import { CancelNeed } from './commands/cancel-need.handler';
import { FulfilNeed } from './commands/fulfil-need.handler';
import { RecordNeed } from './commands/record-need.handler';
import { ReviseNeed } from './commands/revise-need.handler';
import { FulfilNeedDto } from './dto/fulfil-need.dto';
import { RecordNeedDto } from './dto/record-need.dto';
import { ReviseNeedDto } from './dto/revise-need.dto';

@ApiTags('needs')
@ApiBearerAuth()
@Roles('service')
@Controller('needs')
export class NeedCommandsController {
  constructor(private readonly commands: CommandBus) {}

  @ApiCommand("Record a need of a pairing's Israeli community", { status: 201, rules: ['need-already-exists', 'sector-unknown', 'pairing-concluded', 'window-inverted'], notFound: ['pairing-not-found'], description: 'NeedRecorded; the duplicate detector compares it with plans and open needs.' })
  @Post()
  @HttpCode(201)
  record(@Body() body: RecordNeedDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new RecordNeed(body, context));
  }

  @ApiCommand('Revise a need', { status: 200, rules: ['need-closed', 'nothing-to-revise', 'sector-unknown', 'window-inverted'], notFound: ['need-not-found'], description: 'NeedRevised: only the fields sent change (at least one).' })
  @Post(':id/revisions')
  @HttpCode(200)
  revise(@Param('id', IdParamPipe) id: string, @Body() body: ReviseNeedDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new ReviseNeed(id, body, context));
  }

  @ApiCommand('Mark a need fulfilled', { status: 200, rules: ['need-closed'], notFound: ['need-not-found'], description: 'NeedFulfilled.' })
  @Post(':id/fulfilment')
  @HttpCode(200)
  fulfil(@Param('id', IdParamPipe) id: string, @Body() body: FulfilNeedDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new FulfilNeed(id, body?.note, context));
  }

  @ApiCommand('Cancel a need', { status: 200, rules: ['need-closed'], notFound: ['need-not-found'], description: 'NeedCancelled (with a reason).' })
  @Post(':id/cancellation')
  @HttpCode(200)
  cancel(@Param('id', IdParamPipe) id: string, @Body() body: ReasonDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new CancelNeed(id, body.reason, context));
  }
}
