import { BadRequestException, Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { Command, CommandContext } from '../commands/command-context';
import { IdParamPipe } from '../commands/id-param.pipe';
import { CommandResult } from '../commands/stream-command-executor';
import { ReasonDto } from '../dto/reason.dto';
import { RegisterPlan } from './commands/register-plan.handler';
import { ImportPlans } from './import/import-plans.handler';
import { RevisePlan } from './commands/revise-plan.handler';
import { WithdrawPlan } from './commands/withdraw-plan.handler';
import { RegisterPlanDto } from './dto/register-plan.dto';
import { RevisePlanDto } from './dto/revise-plan.dto';

/** Tekuma Authority, municipal, regional-council and ministry plans. */
@ApiTags('plans')
@ApiBearerAuth()
@Roles('service')
@Controller('plans')
export class PlanCommandsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  register(@Body() body: RegisterPlanDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new RegisterPlan(body, context));
  }

  /**
   * A Tekuma / municipal plan list as CSV (UTF-8, header row: source, authority, externalRef,
   * title, description, sector, communityIds (;-separated) or regionalCouncil, from, to,
   * budget (major units), currency). Idempotent by (source, externalRef); answers a report per row.
   */
  @Post('import')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string' } })
  import(@Body() csv: unknown, @Headers('content-type') contentType: string | undefined, @Command() context: CommandContext) {
    if (typeof csv !== 'string' || !/^text\/csv\b/.test(contentType ?? '')) {
      throw new BadRequestException({ code: 'csv-expected', message: 'send the plan list as a CSV body with content-type: text/csv' });
    }
    return this.commands.execute(new ImportPlans(csv, context));
  }

  @Post(':id/revisions')
  @HttpCode(200)
  revise(@Param('id', IdParamPipe) id: string, @Body() body: RevisePlanDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new RevisePlan(id, body, context));
  }

  @Post(':id/withdrawal')
  @HttpCode(200)
  withdraw(@Param('id', IdParamPipe) id: string, @Body() body: ReasonDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new WithdrawPlan(id, body.reason, context));
  }
}
