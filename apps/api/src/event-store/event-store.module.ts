import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { EventStore, UpcastingEventStore } from '@c2g/event-store';

/** Injection token of the one EventStore the whole app shares (events read in today's shape). */
export const EVENT_STORE = Symbol('EVENT_STORE');
/** The same store as written, for audit and hash verification. */
export const RAW_EVENT_STORE = Symbol('RAW_EVENT_STORE');

@Injectable()
class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

@Global()
@Module({})
export class EventStoreModule {
  /** The app owns the store from here on and closes it at shutdown. */
  static withStore(store: UpcastingEventStore): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [{ provide: EVENT_STORE, useValue: store }, { provide: RAW_EVENT_STORE, useValue: store.raw }, EventStoreCloser],
      exports: [EVENT_STORE, RAW_EVENT_STORE],
    };
  }
}
