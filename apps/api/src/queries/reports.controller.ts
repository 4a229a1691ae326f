import { Controller, Get, Inject, Query } from '@nestjs/common';
import type { Context } from '@opentelemetry/api';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { coverageReport, fundingReport } from '@c2g/projections';
import { Roles } from '../auth/access.decorators';
import { Deciders } from '../commands/deciders';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { parseAsOf } from './as-of';
import { AsOfQueryDto } from './list-query.dto';
import { ReadModels } from './read-models.service';
import { FundingReportQueryDto } from './report-query.dto';
import { ApiRead, objectOf, READ_MODEL_ERRORS } from '../openapi/api-read.decorator';
import { RequestTrace } from '../observability/request-trace.decorator';

@ApiTags('reports')
@ApiBearerAuth()
@Roles('analyst')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly deciders: Deciders,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Committed vs pledged vs disbursed per pairing and year, per global community, program total. */
  @ApiRead('Funding ledger: committed, pledged and disbursed', { description: 'Per pairing and program year, per global community, and the program total, per currency. Takes ?asOf= (a log position or a date) and ?minPosition=.', schema: objectOf('{ pairings, globalCommunities, program, position }'), errors: READ_MODEL_ERRORS })
  @Get('funding')
  funding(@Query() { minPosition, asOf, ...filter }: FundingReportQueryDto, @RequestTrace() trace: Context | undefined) {
    return this.readModels.read(['funding-ledger'], { minPosition, asOf, trace }, (db) => fundingReport(db('funding-ledger'), filter));
  }

  /**
   * "No community left behind". Phases are judged stalled against the as-of date when one
   * is given (a position as-of is judged against today).
   */
  @ApiRead('Coverage: no community left behind', { description: 'Israeli communities with no pairing, an incomplete team, a stalled phase or unfunded urgent needs, each with its reasons. Takes ?asOf= and ?minPosition=.', schema: objectOf('{ communities: [{ communityId, name, reasons }], position }'), errors: READ_MODEL_ERRORS })
  @Get('coverage')
  coverage(@Query() { minPosition, asOf }: AsOfQueryDto, @RequestTrace() trace: Context | undefined) {
    const point = parseAsOf(asOf);
    const today = point && 'until' in point ? point.until : new Date().toISOString();
    const terms = { teamSeatsPerSide: this.deciders.terms.teamSeatsPerSide, stalledAfterDays: this.config.stalledPhaseDays };
    return this.readModels.read(['coverage'], { minPosition, asOf, trace }, (db) => coverageReport(db('coverage'), terms, today));
  }
}
