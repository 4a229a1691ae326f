import { Controller, Inject, MessageEvent, Query, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { interval, merge, Observable } from 'rxjs';
import { filter, map } from 'rxjs/operators';
import { ReadSide } from '@c2g/projections';
import { Roles } from '../auth/access.decorators';
import { PROJECTION_RUNNER } from '../read-models/projection-runner.token';
import { OptionalFilterId } from './list-query.dto';

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
  @Sse('live')
  live(@Query() { pairingId, communityId }: LiveQueryDto): Observable<MessageEvent> {
    const changes = this.runner.changes$.pipe(
      filter((change) => (!pairingId || change.pairingId === pairingId) && (!communityId || change.communityId === communityId)),
      map((change): MessageEvent => ({ type: 'change', id: change.position, data: change })),
    );
    const heartbeat = interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'heartbeat', data: {} })));
    return merge(changes, heartbeat);
  }
}
