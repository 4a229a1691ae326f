import { EventStoreDBClient, jsonEvent, NO_STREAM, StreamDeletedError, WrongExpectedVersionError } from '@eventstore/db-client';
import { randomBytes } from 'node:crypto';
import { DATA_KEY_BYTES, DataKeyState, DataKeyStore } from '../port/data-key-store';
import { StoreClosedError } from '../port/event-store-errors';
import { DATA_KEY_STREAM_PREFIX, readStreamEvents } from './eventstoredb-records';

const DATA_KEY_MADE = 'DataKeyMade';

/**
 * Data keys on EventStoreDB: one stream per key (one event holding it), so destroying a
 * key is tombstoning its stream — refused for ever after, and removed from disk by the
 * next scavenge. Every node reads the same streams, so an erasure holds on all at once.
 */
export class EventStoreDbDataKeyStore implements DataKeyStore {
  private readonly client: EventStoreDBClient;
  private closed = false;

  constructor(options: { connectionString: string }) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
  }

  async provide(keyId: string): Promise<Buffer | undefined> {
    const found = await this.find(keyId);
    if (found.state !== 'unknown') return found.state === 'present' ? found.key : undefined;
    try {
      const key = randomBytes(DATA_KEY_BYTES).toString('base64');
      await this.client.appendToStream(streamOf(keyId), jsonEvent({ type: DATA_KEY_MADE, data: { key } }), { expectedRevision: NO_STREAM });
    } catch (error) {
      // Another node made it first (or destroyed it meanwhile): theirs is the key.
      if (!(error instanceof WrongExpectedVersionError) && !(error instanceof StreamDeletedError)) throw error;
    }
    const made = await this.find(keyId);
    return made.state === 'present' ? made.key : undefined;
  }

  async find(keyId: string): Promise<DataKeyState> {
    this.assertOpen();
    try {
      const [event] = await readStreamEvents(this.client, streamOf(keyId), { maxCount: 1 });
      const key = (event?.data as { key?: unknown } | undefined)?.key;
      return typeof key === 'string' ? { state: 'present', key: Buffer.from(key, 'base64') } : { state: 'unknown' };
    } catch (error) {
      if (error instanceof StreamDeletedError) return { state: 'destroyed' };
      throw error;
    }
  }

  async destroy(keyId: string): Promise<boolean> {
    const found = await this.find(keyId);
    if (found.state === 'unknown') return false;
    if (found.state === 'destroyed') return true;
    try {
      await this.client.tombstoneStream(streamOf(keyId));
    } catch (error) {
      if (!(error instanceof StreamDeletedError)) throw error;
    }
    return true;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.dispose();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}

const streamOf = (keyId: string) => `${DATA_KEY_STREAM_PREFIX}${keyId}`;
