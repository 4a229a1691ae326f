import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import type { Context } from '@opentelemetry/api';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { explainDuplicatePair, listDuplicateFlags } from '@c2g/projections';
import { Roles } from '../auth/access.decorators';
import { Command, CommandContext } from '../commands/command-context';
import { IdParamPipe } from '../commands/id-param.pipe';
import { CommandResult } from '../commands/stream-command-executor';
import { ListQueryDto, OptionalFilterId } from '../queries/list-query.dto';
import { pageRequest, toPage } from '../queries/paging';
import { ReadModels } from '../queries/read-models.service';
import { ResolveDuplicateFlag } from './commands/resolve-duplicate-flag.handler';
import { ResolveDuplicateFlagDto } from './dto/resolve-duplicate-flag.dto';
import { ExplainPairQueryDto, ReportDuplicateDto } from './dto/duplicate-pair.dto';
import { ReportDuplicate } from './commands/report-duplicate.handler';
import { ApiCommand } from '../openapi/api-command.decorator';
import { ApiRead, objectOf, pageOf, READ_MODEL_ERRORS } from '../openapi/api-read.decorator';
import { RequestTrace } from '../observability/request-trace.decorator';

export class DuplicateFlagListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'resolved', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'resolved', 'closed'])
  status?: string;

  @ApiPropertyOptional({ enum: ['need-plan', 'need-need', 'over-funding'] })
  @IsOptional()
  @IsIn(['need-plan', 'need-need', 'over-funding'])
  kind?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @OptionalFilterId()
  communityId?: string;
}

@ApiTags('duplicate flags')
@ApiBearerAuth()
@Controller('duplicate-flags')
export class DuplicateFlagsController {
  constructor(private readonly readModels: ReadModels, private readonly commands: CommandBus) {}

  /** Likely duplicate efforts, each with its score and the reasons a coordinator can check. */
  @Get()
  @Roles('analyst')
  @ApiRead('List duplicate-effort flags', {
    description: 'Open and resolved flags (need↔plan, need↔need, over-funding), each with its score and human-readable reasons; ' +
      'filter by status, kind, community. Takes ?asOf= and ?minPosition=.',
    schema: pageOf('a flag: id, kind, status, score, needId, planId or otherNeedId, communityId, sector, reasons, resolution?'),
    errors: READ_MODEL_ERRORS,
  })
  list(@Query() { limit, cursor, minPosition, asOf, ...filter }: DuplicateFlagListQueryDto, @RequestTrace() trace: Context | undefined) {
    return this.readModels.read(['duplicate-flags'], { minPosition, asOf, trace }, (db) =>
      toPage(listDuplicateFlags(db('duplicate-flags'), filter, pageRequest(limit, cursor)), limit),
    );
  }

  /** Why a pair is flagged or not: the detector's score and reasons now, learnt decisions included. */
  @Get('explanation')
  @Roles('analyst')
  @ApiRead('Explain a pair', {
    description: 'Role: analyst. The detector\'s score and reasons for a need and a plan (or two needs), flagged or not, ' +
      'including a reviewer\'s decision on a pair worded like it; or why the pair is not a candidate at all.',
    schema: objectOf('{ flagId, kind, needId, otherId, candidate, duplicate, score, reasons: string[], communityId?, sector?, wordings? }'),
    errors: { ...READ_MODEL_ERRORS, 404: 'duplicate-pair-not-found: the need or the other item is unknown to the detector' },
  })
  explain(@Query() { kind, needId, otherId, minPosition }: ExplainPairQueryDto) {
    return this.readModels.read(['duplicate-flags'], { minPosition }, (db) => {
      const explained = explainDuplicatePair(db('duplicate-flags'), kind, needId, otherId);
      if (!explained) throw new NotFoundException({ code: 'duplicate-pair-not-found', message: `no ${kind} pair ${needId} / ${otherId} is known to the detector` });
      return explained;
    });
  }

  /** A duplicate the detector missed, reported by a reviewer: resolved `duplicate`, and learnt. */
  @Post('reports')
  @Roles('service')
  @HttpCode(200)
  @ApiCommand('Report a missed duplicate', {
    status: 200,
    description: 'Role: service (the reviewer is the key\'s label). Resolves the pair `duplicate` under the flag id the detector ' +
      'would give it and links the two wordings, so that pairs worded like them are flagged from now on.',
    rules: ['not-a-candidate-pair', 'duplicate-flag-already-resolved'],
    notFound: ['duplicate-pair-not-found'],
  })
  report(@Body() body: ReportDuplicateDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new ReportDuplicate(body, context));
  }

  @Post(':id/resolution')
  @Roles('service')
  @HttpCode(200)
  @ApiCommand("Resolve a duplicate flag: duplicate, not-duplicate or complementary", {
    status: 200,
    description: 'DuplicateFlagResolved with a note (the reviewer is the key\'s label); a resolved pair is not flagged again unless one side is revised.',
    rules: ['duplicate-flag-already-resolved'],
    notFound: ['duplicate-flag-not-found'],
  })
  resolve(@Param('id', IdParamPipe) id: string, @Body() body: ResolveDuplicateFlagDto, @Command() context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(new ResolveDuplicateFlag(id, body, context));
  }
}
