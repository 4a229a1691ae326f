import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
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

  @Post()
  @HttpCode(201)
  record(@Body() body: RecordNeedDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new RecordNeed(body, context));
  }

  @Post(':id/revisions')
  @HttpCode(200)
  revise(@Param('id', IdParamPipe) id: string, @Body() body: ReviseNeedDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new ReviseNeed(id, body, context));
  }

  @Post(':id/fulfilment')
  @HttpCode(200)
  fulfil(@Param('id', IdParamPipe) id: string, @Body() body: FulfilNeedDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new FulfilNeed(id, body?.note, context));
  }

  @Post(':id/cancellation')
  @HttpCode(200)
  cancel(@Param('id', IdParamPipe) id: string, @Body() body: ReasonDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new CancelNeed(id, body.reason, context));
  }
}
