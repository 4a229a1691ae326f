import { Controller, Inject, MessageEvent, Query, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { merge, Observable, timer } from 'rxjs';
import { filter, map } from 'rxjs/operators';
import { ReadSide } from '@c2g/projections';
import { Roles } from '../auth/access.decorators';
import { PROJECTION_RUNNER } from '../read-models/projection-runner.token';
import { OptionalFilterId } from './list-query.dto';
import { ApiRead, objectOf, READ_MODEL_ERRORS } from '../openapi/api-read.decorator';

export class LiveQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @OptionalFilterId()
  pairingId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @OptionalFilterId()
  communityId?: string;
}

/** Keeps idle connections open through proxies that drop silent ones. */
const HEARTBEAT_MS = 15_000;

@ApiTags('queries')
@ApiBearerAuth()
@Roles('analyst')
@Controller()
export class LiveController {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ReadSide) {}

  /** Server-Sent Events of read-model changes as they are committed; the event id is the log position. */
  @ApiRead('Follow read-model changes live (Server-Sent Events)', { description: 'An endless text/event-stream: a `change` event per committed change (its id is the log position), a `heartbeat` every 15 s. Filter with pairingId or communityId.', produces: 'text/event-stream', schema: { type: 'string' }, errors: { 400: READ_MODEL_ERRORS[400] } })
  @Sse('live')
  live(@Query() { pairingId, communityId }: LiveQueryDto): Observable<MessageEvent> {
    const changes = this.runner.changes$.pipe(
      filter((change) => (!pairingId || change.pairingId === pairingId) && (!communityId || change.communityId === communityId)),
      map((change): MessageEvent => ({ type: 'change', id: change.position, data: change })),
    );
    // The first heartbeat goes out at once: it sends the response head, so a client knows it is connected.
    const heartbeat = timer(0, HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'heartbeat', data: {} })));
    return merge(changes, heartbeat);
  }
}
