import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { getPairing, listCommunities, listNeeds, listPairings, listPlans } from '@c2g/projections';
import { Roles } from '../auth/access.decorators';
import { IdParamPipe } from '../commands/id-param.pipe';
import { Deciders } from '../commands/deciders';
import {
  AsOfQueryDto,
  CommunityListQueryDto,
  NeedListQueryDto,
  PairingListQueryDto,
  PlanListQueryDto,
} from './list-query.dto';
import { pageRequest, toPage } from './paging';
import { ReadModels } from './read-models.service';

/** The analysts' lists: filterable, cursor-paged, each answer with the log position it reflects. */
@ApiTags('queries')
@ApiBearerAuth()
@Roles('analyst')
@Controller()
export class ListQueriesController {
  constructor(private readonly readModels: ReadModels, private readonly deciders: Deciders) {}

  @Get('communities')
  communities(@Query() { limit, cursor, minPosition, asOf, ...filter }: CommunityListQueryDto) {
    return this.readModels.read(['communities'], { minPosition, asOf }, (db) =>
      toPage(listCommunities(db('communities'), filter, pageRequest(limit, cursor)), limit),
    );
  }

  @Get('plans')
  plans(@Query() { limit, cursor, minPosition, asOf, ...filter }: PlanListQueryDto) {
    return this.readModels.read(['plans'], { minPosition, asOf }, (db) => toPage(listPlans(db('plans'), filter, pageRequest(limit, cursor)), limit));
  }

  @Get('pairings')
  pairings(@Query() { limit, cursor, minPosition, asOf, ...filter }: PairingListQueryDto) {
    return this.readModels.read(['pairings'], { minPosition, asOf }, (db) =>
      toPage(listPairings(db('pairings'), filter, pageRequest(limit, cursor), this.deciders.terms), limit),
    );
  }

  @Get('pairings/:id')
  async pairing(@Param('id', IdParamPipe) id: string, @Query() { minPosition, asOf }: AsOfQueryDto) {
    const answer = await this.readModels.read(['pairings'], { minPosition, asOf }, (db) => ({
      pairing: getPairing(db('pairings'), id, this.deciders.terms),
    }));
    if (!answer.pairing) throw new NotFoundException({ code: 'pairing-not-found', message: `no pairing ${id}${asOf ? ` as of ${asOf}` : ''}` });
    return { ...answer.pairing, position: answer.position };
  }

  @Get('needs')
  needs(@Query() { limit, cursor, minPosition, asOf, ...filter }: NeedListQueryDto) {
    return this.readModels.read(['needs-board'], { minPosition, asOf }, (db) => toPage(listNeeds(db('needs-board'), filter, pageRequest(limit, cursor)), limit));
  }
}
