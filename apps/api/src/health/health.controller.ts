import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { EventStore } from '@c2g/event-store';
import { Public } from '../auth/access.decorators';
import { EVENT_STORE } from '../event-store/event-store.module';

/** Liveness and readiness for operators and load balancers; no key needed. */
@Public()
@Controller()
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('health')
  health() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready() {
    try {
      const headPosition = await this.store.headPosition();
      return { status: 'ready', store: { reachable: true, headPosition: headPosition.toString() } };
    } catch {
      throw new ServiceUnavailableException({ code: 'store-unreachable', message: 'the event store is not reachable' });
    }
  }
}
