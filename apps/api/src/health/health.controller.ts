import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { EventStore } from '@c2g/event-store';
import { ReadSide } from '@c2g/projections';
import { Public } from '../auth/access.decorators';
import { EVENT_STORE } from '../event-store/event-store.module';
import { PROJECTION_RUNNER } from '../read-models/projection-runner.token';
import { ApiResponse } from '@nestjs/swagger';
import { ApiRead, objectOf } from '../openapi/api-read.decorator';

const READINESS = objectOf('{ status: ready | not-ready, store: { reachable, headPosition? }, projections: [...], error? }');

/** Liveness and readiness for operators and load balancers; no key needed. */
@Public()
@SkipThrottle()
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly projections: ReadSide,
  ) {}

  @ApiRead('Liveness: the process answers', { schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } } } })
  @Get('health')
  health() {
    return { status: 'ok' };
  }

  /** Ready = the store answers and every read model is caught up and none is parked. */
  @ApiRead('Readiness: the store answers and every read model is caught up', { description: '503 with the same body while not ready (a store down, a read model behind or parked).', schema: READINESS })
  @ApiResponse({ status: 503, description: 'not ready: the same readiness report (not the error shape)', schema: READINESS })
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    let head: bigint | undefined;
    try {
      head = await this.store.headPosition();
    } catch {
      head = undefined;
    }
    const headPosition = head?.toString();
    const projections = this.projections.status();
    const runnerError = this.projections.error();
    // The runner knows the log only as far as it has read it: also compare with the store's head.
    const reachedHead = head !== undefined && projections.every((p) => BigInt(p.checkpoint) >= head);
    const ready = reachedHead && this.projections.caughtUp() && !runnerError;
    if (!ready) reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: ready ? 'ready' : 'not-ready',
      store: headPosition === undefined ? { reachable: false } : { reachable: true, headPosition },
      projections,
      ...(runnerError ? { error: runnerError } : {}),
    };
  }
}
