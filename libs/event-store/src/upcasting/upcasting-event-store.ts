import {
  AppendOptions,
  EventStore,
  EventSubscription,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
} from '../port/event-store';
import { EventToAppend, StoredEvent } from '../port/stored-event';
import { Upcaster } from './upcaster';

/**
 * An EventStore that reads every event in its current shape, applying upcasters step by step
 * (v1 → v2 → …). `raw` is the store underneath: hash verification and audit need the bytes
 * as they were written.
 */
export class UpcastingEventStore implements EventStore {
  private readonly byTypeAndVersion = new Map<string, Upcaster>();

  constructor(readonly raw: EventStore, upcasters: Upcaster[]) {
    for (const upcaster of upcasters) this.byTypeAndVersion.set(`${upcaster.type}@${upcaster.fromVersion}`, upcaster);
  }

  append(streamId: string, events: EventToAppend[], options?: AppendOptions) {
    return this.raw.append(streamId, events, options);
  }

  async *readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent> {
    for await (const event of this.raw.readStream(streamId, options)) yield this.upcast(event);
  }

  async *readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent> {
    for await (const event of this.raw.readAll(options)) yield this.upcast(event);
  }

  subscribeToAll(options?: SubscribeToAllOptions): EventSubscription {
    const subscription = this.raw.subscribeToAll(options);
    const upcast = (event: StoredEvent) => this.upcast(event);
    async function* upcasted() {
      for await (const event of subscription) yield upcast(event);
    }
    const iterator = upcasted();
    return { [Symbol.asyncIterator]: () => iterator, close: () => subscription.close() };
  }

  headPosition() {
    return this.raw.headPosition();
  }

  close() {
    return this.raw.close();
  }

  /** The event as the current code expects it; metadata (and its hashes) stay as stored. */
  upcast(event: StoredEvent): StoredEvent {
    let data = event.data;
    let version = event.metadata.schemaVersion ?? 1;
    for (let step = this.byTypeAndVersion.get(`${event.type}@${version}`); step; step = this.byTypeAndVersion.get(`${event.type}@${version}`)) {
      data = step.upcast(data);
      version += 1;
    }
    return version === (event.metadata.schemaVersion ?? 1) ? event : { ...event, data };
  }
}
