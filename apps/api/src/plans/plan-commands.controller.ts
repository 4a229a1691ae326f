import { BadRequestException, Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiExtraModels, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { ApiCommand } from '../openapi/api-command.decorator';
import { objectOf } from '../openapi/api-read.decorator';
import { ErrorBodySchema } from '../openapi/error-body.schema';
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

  @ApiCommand('Register a Tekuma, municipal, regional-council or ministry plan', { status: 201, rules: ['plan-already-exists', 'plan-coverage-missing', 'sector-unknown', 'window-inverted'], description: 'PlanRegistered; covers communityIds or a regionalCouncil.' })
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
  @ApiOperation({
    summary: 'Import a plan list (CSV)',
    description:
      'A Tekuma / municipal plan list, `content-type: text/csv`, UTF-8, header row: source (tekuma, municipality, ' +
      'regional-council, ministry), authority, externalRef, title, description, sector, communityIds (;-separated) or ' +
      'regionalCouncil, from, to, budget (major units), currency (ISO-4217). Idempotent by (source, externalRef): each ' +
      'row is registered, revised, unchanged or rejected with its reasons. Honours Idempotency-Key and X-Correlation-Id.',
  })
  @ApiResponse({ status: 200, description: 'a report per row and a summary', schema: objectOf('{ rows: [{ row, externalRef, planId, outcome, reasons? }], summary: { registered, revised, unchanged, rejected }, ignoredColumns? }') })
  @ApiExtraModels(ErrorBodySchema)
  @ApiResponse({ status: 400, description: 'csv-expected, import-empty, missing-columns: the file as a whole is unusable', schema: { $ref: getSchemaPath(ErrorBodySchema) } })
  @ApiResponse({ status: 413, description: 'payload-too-large', schema: { $ref: getSchemaPath(ErrorBodySchema) } })
  @ApiResponse({ status: 415, description: 'unsupported-media-type: not text/csv', schema: { $ref: getSchemaPath(ErrorBodySchema) } })
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

  @ApiCommand('Revise a plan', { status: 200, rules: ['plan-withdrawn', 'nothing-to-revise', 'sector-unknown', 'window-inverted'], notFound: ['plan-not-found'], description: 'PlanRevised: only the fields sent change (at least one).' })
  @Post(':id/revisions')
  @HttpCode(200)
  revise(@Param('id', IdParamPipe) id: string, @Body() body: RevisePlanDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new RevisePlan(id, body, context));
  }

  @ApiCommand('Withdraw a plan', { status: 200, rules: ['plan-withdrawn'], notFound: ['plan-not-found'], description: 'PlanWithdrawn (with a reason).' })
  @Post(':id/withdrawal')
  @HttpCode(200)
  withdraw(@Param('id', IdParamPipe) id: string, @Body() body: ReasonDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new WithdrawPlan(id, body.reason, context));
  }
}
