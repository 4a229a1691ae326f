import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  jsonEvent,
  MaxAppendSizeExceededError,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { EventStoreDbDouble, startEventStoreDbDouble } from './eventstoredb-double';
import { DEFAULT_MAX_APPEND_SIZE, TOMBSTONE_REVISION } from './in-memory-log';

/**
 * Conformance of the wire double with a real EventStoreDB server, through the official client.
 * Each rule is written from the server's documented behaviour (docs, client and server test
 * suites); the double only earns trust in the adapter's tests if it keeps these.
 */
const events = (count: number) => Array.from({ length: count }, (_, n) => jsonEvent({ type: 'T', data: { n } }));
const streamName = () => `conformance-${randomUUID()}`;

async function read(client: EventStoreDBClient, stream: string, options: Parameters<EventStoreDBClient['readStream']>[1] = {}): Promise<ResolvedEvent[]> {
  const found: ResolvedEvent[] = [];
  for await (const event of client.readStream(stream, options)) found.push(event);
  return found;
}

async function readAll(client: EventStoreDBClient, options: Parameters<EventStoreDBClient['readAll']>[0] = {}): Promise<ResolvedEvent[]> {
  const found: ResolvedEvent[] = [];
  for await (const event of client.readAll(options)) found.push(event);
  return found;
}

const revisions = (found: ResolvedEvent[]) => found.map(({ event }) => event!.revision);

describe('the EventStoreDB wire double behaves like the server', () => {
  let server: EventStoreDbDouble;
  let client: EventStoreDBClient;

  beforeAll(async () => {
    server = await startEventStoreDbDouble();
    client = EventStoreDBClient.connectionString(server.connectionString);
  });

  afterAll(async () => {
    await client.dispose();
    await server.stop();
  });

  describe('soft delete (Streams.Delete)', () => {
    it('makes the stream read as not found, keeps its events in $all, and answers a position after its last event', async () => {
      const stream = streamName();
      const written = await client.appendToStream(stream, events(2));
      const deleted = await client.deleteStream(stream, { expectedRevision: 1n });
      expect(deleted.position!.commit > written.position!.commit).toBe(true);
      await expect(read(client, stream)).rejects.toBeInstanceOf(StreamNotFoundError);
      await expect(read(client, stream, { direction: BACKWARDS, fromRevision: END })).rejects.toBeInstanceOf(StreamNotFoundError);
      const inAll = (await readAll(client)).filter(({ event }) => event!.streamId === stream);
      expect(revisions(inAll)).toEqual([0n, 1n]);
    });

    it('lets a later append recreate the stream, its revisions going on from where they were', async () => {
      const stream = streamName();
      await client.appendToStream(stream, events(2));
      await client.deleteStream(stream);
      const recreated = await client.appendToStream(stream, events(3), { expectedRevision: NO_STREAM });
      expect(recreated.nextExpectedRevision).toBe(4n);
      expect(revisions(await read(client, stream))).toEqual([2n, 3n, 4n]);
      expect(revisions(await read(client, stream, { direction: BACKWARDS, fromRevision: END }))).toEqual([4n, 3n, 2n]);
      // Only the first write after the delete may expect no stream.
      await expect(client.appendToStream(stream, events(1), { expectedRevision: NO_STREAM })).rejects.toBeInstanceOf(WrongExpectedVersionError);
      expect((await client.appendToStream(stream, events(1), { expectedRevision: 4n })).nextExpectedRevision).toBe(5n);
    });

    it('accepts the last revision or any as the expectation of the recreating append, and refuses stream_exists', async () => {
      const [byRevision, byAny] = [streamName(), streamName()];
      for (const stream of [byRevision, byAny]) {
        await client.appendToStream(stream, events(1));
        await client.deleteStream(stream);
      }
      await expect(client.appendToStream(byRevision, events(1), { expectedRevision: STREAM_EXISTS })).rejects.toBeInstanceOf(WrongExpectedVersionError);
      expect((await client.appendToStream(byRevision, events(1), { expectedRevision: 0n })).nextExpectedRevision).toBe(1n);
      expect((await client.appendToStream(byAny, events(2))).nextExpectedRevision).toBe(2n);
    });

    it('checks the expected revision, and refuses a stream that holds nothing unless it has metadata', async () => {
      const stream = streamName();
      await client.appendToStream(stream, events(2));
      const wrong = client.deleteStream(stream, { expectedRevision: 0n });
      await expect(wrong).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(wrong).rejects.toMatchObject({ streamName: stream, expectedVersion: 0n, actualVersion: 1n });
      await expect(client.deleteStream(stream, { expectedRevision: NO_STREAM })).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(client.deleteStream(streamName())).rejects.toMatchObject({ actualVersion: 'no_stream' });
      const implicit = streamName();
      await client.setStreamMetadata(implicit, { maxCount: 10 });
      await expect(client.deleteStream(implicit, { expectedRevision: NO_STREAM })).resolves.toBeDefined();
    });
  });

  describe('tombstone (Streams.Tombstone)', () => {
    it('fails every later read, append, delete and tombstone of the stream with StreamDeleted', async () => {
      const stream = streamName();
      const written = await client.appendToStream(stream, events(2));
      const tombstoned = await client.tombstoneStream(stream, { expectedRevision: 1n });
      expect(tombstoned.position!.commit > written.position!.commit).toBe(true);
      await expect(read(client, stream)).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(read(client, stream)).rejects.toMatchObject({ streamName: stream });
      await expect(client.appendToStream(stream, events(1))).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(client.appendToStream(stream, events(1), { expectedRevision: NO_STREAM })).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(client.deleteStream(stream)).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(client.tombstoneStream(stream)).rejects.toBeInstanceOf(StreamDeletedError);
    });

    it('writes a $streamDeleted record at revision long.MaxValue in $all; the events stay until a scavenge', async () => {
      const stream = streamName();
      await client.appendToStream(stream, events(2));
      await client.tombstoneStream(stream);
      const before = (await readAll(client)).filter(({ event }) => event!.streamId === stream);
      expect(before.map(({ event }) => [event!.type, event!.revision])).toEqual([['T', 0n], ['T', 1n], ['$streamDeleted', TOMBSTONE_REVISION]]);
      server.log.scavenge();
      const after = (await readAll(client)).filter(({ event }) => event!.streamId === stream);
      expect(after.map(({ event }) => event!.type)).toEqual(['$streamDeleted']);
    });

    it('tombstones a stream that never existed with any or no_stream, and refuses an exact revision on it', async () => {
      await expect(client.tombstoneStream(streamName(), { expectedRevision: NO_STREAM })).resolves.toBeDefined();
      const never = streamName();
      await client.tombstoneStream(never);
      await expect(read(client, never)).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(client.tombstoneStream(streamName(), { expectedRevision: 0n })).rejects.toBeInstanceOf(WrongExpectedVersionError);
      const existing = streamName();
      await client.appendToStream(existing, events(1));
      await expect(client.tombstoneStream(existing, { expectedRevision: NO_STREAM })).rejects.toBeInstanceOf(WrongExpectedVersionError);
    });
  });
});
