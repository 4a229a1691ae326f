import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import type { Context } from '@opentelemetry/api';
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

import { ApiRead, objectOf, pageOf, READ_MODEL_ERRORS } from '../openapi/api-read.decorator';
import { RequestTrace } from '../observability/request-trace.decorator';
/** The analysts' lists: filterable, cursor-paged, each answer with the log position it reflects. */
@ApiTags('queries')
@ApiBearerAuth()
@Roles('analyst')
@Controller()
export class ListQueriesController {
  constructor(private readonly readModels: ReadModels, private readonly deciders: Deciders) {}

  @ApiRead('List communities', { description: 'Israeli and global communities with their active pairings; filter by kind, regional council. Takes ?asOf= (a log position, or a date: as the program knew it then) and ?minPosition= (wait until the read model reflects a position you wrote).', schema: pageOf('a community: id, name, nameHe, aliases, kind, settlementType, regionalCouncil, country, activePairingIds, residentsReturned?, registeredAt'), errors: READ_MODEL_ERRORS })
  @Get('communities')
  communities(@Query() { limit, cursor, minPosition, asOf, ...filter }: CommunityListQueryDto, @RequestTrace() trace: Context | undefined) {
    return this.readModels.read(['communities'], { minPosition, asOf, trace }, (db) =>
      toPage(listCommunities(db('communities'), filter, pageRequest(limit, cursor)), limit),
    );
  }

  @ApiRead('List Tekuma, municipal, regional-council and ministry plans', { description: 'Filter by source, sector, community, status. Takes ?asOf= (a log position, or a date: as the program knew it then) and ?minPosition= (wait until the read model reflects a position you wrote).', schema: pageOf('a plan: id, source, authority, externalRef, title, description, sector, communityIds or regionalCouncil, window, budget, status, registeredAt'), errors: READ_MODEL_ERRORS })
  @Get('plans')
  plans(@Query() { limit, cursor, minPosition, asOf, ...filter }: PlanListQueryDto, @RequestTrace() trace: Context | undefined) {
    return this.readModels.read(['plans'], { minPosition, asOf, trace }, (db) => toPage(listPlans(db('plans'), filter, pageRequest(limit, cursor)), limit));
  }

  @ApiRead('List pairings', { description: 'Filter by phase, community. Takes ?asOf= (a log position, or a date: as the program knew it then) and ?minPosition= (wait until the read model reflects a position you wrote).', schema: pageOf('a pairing as GET /pairings/{id} answers it, without position'), errors: READ_MODEL_ERRORS })
  @Get('pairings')
  pairings(@Query() { limit, cursor, minPosition, asOf, ...filter }: PairingListQueryDto, @RequestTrace() trace: Context | undefined) {
    return this.readModels.read(['pairings'], { minPosition, asOf, trace }, (db) =>
      toPage(listPairings(db('pairings'), filter, pageRequest(limit, cursor), this.deciders.terms), limit),
    );
  }

  @ApiRead('One pairing: phase, joint team, funding per program year, road map', { description: 'Takes ?asOf= (a log position, or a date: as the program knew it then) and ?minPosition= (wait until the read model reflects a position you wrote).', schema: objectOf('id, israeliCommunityId, globalCommunityId, partnershipType, phase, phaseSince, commitment, team { complete, bySide, members }, funding [per year: committed, pledged, disbursed], roadMap, openNeeds, createdAt, position'), errors: { ...READ_MODEL_ERRORS, 404: 'pairing-not-found (at that as-of point, when one is given)' } })
  @Get('pairings/:id')
  async pairing(@Param('id', IdParamPipe) id: string, @Query() { minPosition, asOf }: AsOfQueryDto, @RequestTrace() trace: Context | undefined) {
    const answer = await this.readModels.read(['pairings'], { minPosition, asOf, trace }, (db) => ({
      pairing: getPairing(db('pairings'), id, this.deciders.terms),
    }));
    if (!answer.pairing) throw new NotFoundException({ code: 'pairing-not-found', message: `no pairing ${id}${asOf ? ` as of ${asOf}` : ''}` });
    return { ...answer.pairing, position: answer.position };
  }

  @ApiRead('List needs', { description: 'The needs board: filter by community, pairing, sector, horizon, status; each with its funded amount and linked plans. Takes ?asOf= (a log position, or a date: as the program knew it then) and ?minPosition= (wait until the read model reflects a position you wrote).', schema: pageOf('a need: id, pairingId, communityId, title, description, sector, horizon, estimatedCost, window, quantity?, status, funded, planIds'), errors: READ_MODEL_ERRORS })
  @Get('needs')
  needs(@Query() { limit, cursor, minPosition, asOf, ...filter }: NeedListQueryDto, @RequestTrace() trace: Context | undefined) {
    return this.readModels.read(['needs-board'], { minPosition, asOf, trace }, (db) => toPage(listNeeds(db('needs-board'), filter, pageRequest(limit, cursor)), limit));
  }
}
