import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  jsonEvent,
  binaryEvent,
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

  describe('appends', () => {
    it('answers a zero-event append expecting a revision below the tip with WrongExpectedVersion, and stays up', async () => {
      const stream = streamName();
      await client.appendToStream(stream, events(3));
      const stale = client.appendToStream(stream, [], { expectedRevision: 0n });
      await expect(stale).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(stale).rejects.toMatchObject({ actualVersion: 2n });
      expect((await client.appendToStream(stream, events(1), { expectedRevision: 2n })).nextExpectedRevision).toBe(3n);
    });

    it('does not create a stream by a zero-event append with any', async () => {
      const stream = streamName();
      await client.appendToStream(stream, []);
      await expect(read(client, stream)).rejects.toBeInstanceOf(StreamNotFoundError);
      expect((await client.appendToStream(stream, events(1), { expectedRevision: NO_STREAM })).nextExpectedRevision).toBe(0n);
    });

    it('accepts stream_exists on a stream that has only metadata', async () => {
      const stream = streamName();
      await client.setStreamMetadata(stream, { maxCount: 10 });
      expect((await client.appendToStream(stream, events(1), { expectedRevision: STREAM_EXISTS })).nextExpectedRevision).toBe(0n);
      await expect(client.appendToStream(streamName(), events(1), { expectedRevision: STREAM_EXISTS })).rejects.toBeInstanceOf(WrongExpectedVersionError);
    });

    it('answers a retry under any from the first record of each id: repeated ids give the revision of their first copy, without a position', async () => {
      const stream = streamName();
      const twice = jsonEvent({ type: 'T', data: {} });
      const first = await client.appendToStream(stream, [twice, twice]);
      expect(first.nextExpectedRevision).toBe(1n);
      const retry = await client.appendToStream(stream, [twice, twice]);
      expect(retry).toMatchObject({ success: true, nextExpectedRevision: 0n, position: undefined });
      expect(await read(client, stream)).toHaveLength(2);
    });

    it('answers a retry at the same expected revision with the first revision and no position, writing nothing', async () => {
      const stream = streamName();
      const batch = events(2);
      await client.appendToStream(stream, batch, { expectedRevision: NO_STREAM });
      const retry = await client.appendToStream(stream, batch, { expectedRevision: NO_STREAM });
      expect(retry).toMatchObject({ nextExpectedRevision: 1n, position: undefined });
      expect(await read(client, stream)).toHaveLength(2);
    });

    it.each([
      ['BatchAppend', {}],
      ['Append (what the client uses when a call carries credentials)', { credentials: { username: 'admin', password: 'changeit' } }],
    ])('refuses an append over MaxAppendSize (data + metadata + 2 x type length, 1 MiB) through %s, writing nothing', async (_, callOptions) => {
      const stream = streamName();
      const type = 'Big';
      const fits = DEFAULT_MAX_APPEND_SIZE - 2 * type.length;
      const payload = (bytes: number) => ({ type, data: Buffer.alloc(bytes, 1) });
      const over = client.appendToStream(stream, binaryEvent(payload(fits + 1)), callOptions);
      await expect(over).rejects.toBeInstanceOf(MaxAppendSizeExceededError);
      await expect(over).rejects.toMatchObject({ maxAppendSize: DEFAULT_MAX_APPEND_SIZE });
      await expect(read(client, stream)).rejects.toBeInstanceOf(StreamNotFoundError);
      expect((await client.appendToStream(stream, binaryEvent(payload(fits)), callOptions)).nextExpectedRevision).toBe(0n);
    });
  });

  describe('BatchAppend', () => {
    it('is what the client appends through: one call per client carries every append', async () => {
      const own = await startEventStoreDbDouble();
      const ownClient = EventStoreDBClient.connectionString(own.connectionString);
      try {
        await Promise.all([1, 2, 3].map(() => ownClient.appendToStream(streamName(), events(2))));
        await ownClient.appendToStream(streamName(), events(1));
        expect(own.served).toEqual({ batchAppend: 1 });
      } finally {
        await ownClient.dispose();
        await own.stop();
      }
    });

    it('rejects every append in flight on the shared call when that call fails, none of them written', async () => {
      const own = await startEventStoreDbDouble();
      const ownClient = EventStoreDBClient.connectionString(own.connectionString);
      try {
        await ownClient.appendToStream(streamName(), events(1)); // the shared call is open
        const release = own.holdAppends();
        const inFlight = [streamName(), streamName()].map((stream) => ownClient.appendToStream(stream, events(1)));
        const outcomes = Promise.allSettled(inFlight);
        await new Promise((resolve) => setTimeout(resolve, 50));
        const written = own.log.all().length;
        await own.stop();
        const settled = await outcomes;
        expect(settled.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
        // Let the held appends go on: the call they came on is gone, so nothing may be written.
        release();
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(own.log.all()).toHaveLength(written);
      } finally {
        await ownClient.dispose();
      }
    });
  });

  describe('reads', () => {
    it('reads backwards from START as revision 0 of a stream, and as nothing of $all', async () => {
      const stream = streamName();
      await client.appendToStream(stream, events(3));
      expect(revisions(await read(client, stream, { direction: BACKWARDS, fromRevision: START }))).toEqual([0n]);
      expect(await readAll(client, { direction: BACKWARDS, fromPosition: START })).toEqual([]);
    });

    it('refuses a $all read from a position that is not a record boundary with INVALID_ARGUMENT', async () => {
      const written = await client.appendToStream(streamName(), events(1));
      const off = { commit: written.position!.commit + 1n, prepare: written.position!.commit + 1n };
      await expect(readAll(client, { fromPosition: off })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, message: '3 INVALID_ARGUMENT: Trying to read from an invalid position.' });
    });

    it('confirms a $all subscription from a position off a record boundary, then fails it with INVALID_ARGUMENT', async () => {
      const written = await client.appendToStream(streamName(), events(1));
      const off = { commit: written.position!.commit + 1n, prepare: written.position!.commit + 1n };
      const subscription = client.subscribeToAll({ fromPosition: off });
      const confirmed = new Promise<void>((resolve) => subscription.once('confirmation', () => resolve()));
      const failed = new Promise<Error & { code?: number }>((resolve) => subscription.once('error', resolve));
      await confirmed;
      expect(await failed).toMatchObject({ code: status.INVALID_ARGUMENT });
      await subscription.unsubscribe();
    });
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
