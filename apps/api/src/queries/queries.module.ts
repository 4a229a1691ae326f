import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { DuplicateFlagsController } from '../duplicate-flags/duplicate-flags.controller';
import { ResolveDuplicateFlagHandler } from '../duplicate-flags/commands/resolve-duplicate-flag.handler';
import { ReportDuplicateHandler } from '../duplicate-flags/commands/report-duplicate.handler';
import { ListQueriesController } from './list-queries.controller';
import { LiveController } from './live.controller';
import { ReadModelGate } from './read-model-gate';
import { ReadModels } from './read-models.service';
import { ReportsController } from './reports.controller';

/** The read side: lists, reports and the live feed over the projections. */
@Module({
  imports: [CommandsModule],
  controllers: [ListQueriesController, ReportsController, LiveController, DuplicateFlagsController],
  providers: [ReadModelGate, ReadModels, ResolveDuplicateFlagHandler, ReportDuplicateHandler],
})
export class QueriesModule {}
