/**
 * The storage behind the EventStoreDB wire double: one transaction log with EventStoreDB's
 * append rules (expected revision, idempotent re-append by event id), soft deletion and
 * tombstones, and $all positions that are byte offsets, so they grow by more than one per
 * event as on a real server.
 */
import { randomUUID } from 'node:crypto';

export type Expected = { kind: 'any' } | { kind: 'no_stream' } | { kind: 'stream_exists' } | { kind: 'revision'; revision: bigint };

export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  data: Buffer;
  customMetadata: Buffer;
}

export interface LoggedEvent extends ProposedEvent {
  streamId: string;
  revision: bigint;
  /** Commit and prepare position are equal for events written by a gRPC append. */
  position: bigint;
  /** Ticks of 100 ns since the Unix epoch, as the server reports "created". */
  createdTicks: bigint;
}

export type AppendOutcome =
  /** `idempotent`: the events were already in place and nothing was written. */
  | { ok: true; revision: bigint; position: bigint; idempotent?: true }
  | { ok: false; reason: 'wrong_expected_version'; current: bigint | undefined }
  | { ok: false; reason: 'stream_deleted' };

export type DeleteOutcome =
  | { ok: true; position: bigint }
  | { ok: false; reason: 'wrong_expected_version'; current: bigint | undefined }
  | { ok: false; reason: 'stream_deleted' };

/** The revision a tombstone is written at (long.MaxValue on the server). */
export const TOMBSTONE_REVISION = 2n ** 63n - 1n;

/** The server's default MaxAppendSize: the sum of data, metadata and twice the type length, per append. */
export const DEFAULT_MAX_APPEND_SIZE = 1024 * 1024;

/** What the server counts of an event against MaxAppendSize. */
export function sizeOnDisk(event: Pick<ProposedEvent, 'type' | 'data' | 'customMetadata'>): number {
  return event.data.length + event.customMetadata.length + event.type.length * 2;
}

const RECORD_OVERHEAD = 96n;

interface Stream {
  events: LoggedEvent[];
  /** Revisions below this are hidden: set by a soft delete ($tb in the stream's metadata). */
  truncateBefore: bigint;
  /** Soft-deleted and not yet written to since: the next append may expect no_stream. */
  softDeleted: boolean;
  tombstoned: boolean;
}

export class InMemoryLog {
  private readonly events: LoggedEvent[] = [];
  /** The first record of each event id, like the server's committed-events cache. */
  private readonly firstById = new Map<string, LoggedEvent>();
  private readonly streams = new Map<string, Stream>();
  private readonly listeners = new Set<(event: LoggedEvent) => void>();
  private nextPosition = 0n;

  constructor(private readonly clock: () => number = Date.now) {
    // A fresh server's log already holds system events: clients must skip them.
    this.append('$settings', { kind: 'any' }, [
      { id: '00000000-0000-4000-8000-000000000001', type: '$settings', contentType: 'application/json', data: Buffer.from('{}'), customMetadata: Buffer.alloc(0) },
    ]);
  }

  append(streamId: string, expected: Expected, proposed: ProposedEvent[]): AppendOutcome {
    const stream = this.streams.get(streamId);
    if (stream?.tombstoned) return { ok: false, reason: 'stream_deleted' };
    const verdict = this.check(streamId, stream, expected, proposed);
    if (verdict !== 'write') return verdict;
    if (proposed.length === 0) {
      // Nothing is written, so a stream that did not exist still does not.
      return { ok: true, revision: lastRevision(stream) ?? -1n, position: this.nextPosition };
    }
    const target = stream ?? this.newStream(streamId);
    if (target.softDeleted) {
      // Recreating a soft-deleted stream: revisions go on, and $tb moves to the first new one.
      target.softDeleted = false;
      target.truncateBefore = BigInt(target.events.length);
      this.writeMetadata(streamId, { $tb: Number(target.truncateBefore) });
    }
    const written = proposed.map((event) => this.write(target, streamId, event, BigInt(target.events.length)));
    const last = written[written.length - 1];
    return { ok: true, revision: last.revision, position: last.position };
  }

  /** A soft delete: the stream reads as not found until it is written to again; its events stay in $all. */
  delete(streamId: string, expected: Expected): DeleteOutcome {
    const stream = this.streams.get(streamId);
    if (stream?.tombstoned) return { ok: false, reason: 'stream_deleted' };
    const current = lastRevision(stream);
    const implicit = this.streams.has(metastreamOf(streamId));
    // A real server refuses to soft-delete a stream that holds nothing, with any state but an
    // implicit stream (one with metadata only) — see EventStore issue 4637.
    const holds = current !== undefined || implicit;
    const fits =
      expected.kind === 'revision' ? expected.revision === current
      : expected.kind === 'no_stream' ? (current === undefined && implicit) || stream?.softDeleted === true
      : holds;
    if (!fits) return { ok: false, reason: 'wrong_expected_version', current };
    const target = stream ?? this.newStream(streamId);
    target.truncateBefore = BigInt(target.events.length);
    target.softDeleted = true;
    return { ok: true, position: this.writeMetadata(streamId, { $tb: Number(TOMBSTONE_REVISION) }).position };
  }

  /** A hard delete: a $streamDeleted record at revision long.MaxValue; reading or writing the stream fails for ever. */
  tombstone(streamId: string, expected: Expected): DeleteOutcome {
    const stream = this.streams.get(streamId);
    if (stream?.tombstoned) return { ok: false, reason: 'stream_deleted' };
    const current = lastRevision(stream);
    const live = stream !== undefined && !stream.softDeleted && current !== undefined;
    const fits =
      expected.kind === 'revision' ? expected.revision === current
      : expected.kind === 'no_stream' ? !live
      : expected.kind === 'stream_exists' ? live
      : true;
    if (!fits) return { ok: false, reason: 'wrong_expected_version', current };
    const target = stream ?? this.newStream(streamId);
    const record = this.record(streamId, { id: randomUUID(), type: '$streamDeleted', contentType: 'application/octet-stream', data: Buffer.alloc(0), customMetadata: Buffer.alloc(0) }, TOMBSTONE_REVISION);
    target.tombstoned = true;
    return { ok: true, position: record.position };
  }

  /** EventStoreDB's commit check: a retry of events already in place succeeds without writing. */
  private check(streamId: string, stream: Stream | undefined, expected: Expected, proposed: ProposedEvent[]): AppendOutcome | 'write' {
    const current = lastRevision(stream);
    const refused = { ok: false as const, reason: 'wrong_expected_version' as const, current };
    if (expected.kind === 'any' || expected.kind === 'stream_exists') {
      // The server looks each id up in its cache of committed ids, which keeps the FIRST record
      // of an id: the first id not found (or found in another stream) means a new write; all
      // found means a retry, answered with the revision of the last id's first record.
      const found = proposed.map((event) => this.firstById.get(event.id)).map((e) => (e?.streamId === streamId ? e : undefined));
      if (found[0]) return found.every(Boolean) ? { ok: true, revision: found[found.length - 1]!.revision, position: found[found.length - 1]!.position, idempotent: true } : refused;
      if (expected.kind === 'stream_exists') {
        const exists = (current !== undefined && !stream!.softDeleted) || (current === undefined && this.streams.has(metastreamOf(streamId)));
        if (!exists) return refused;
      }
      return 'write';
    }
    const expectedRevision = expected.kind === 'no_stream' ? -1n : expected.revision;
    if (expected.kind === 'no_stream' && stream?.softDeleted) return 'write';
    const actual = current ?? -1n;
    if (expectedRevision === actual) return 'write';
    if (expectedRevision > actual || proposed.length === 0) return refused;
    return this.matchRetry(stream?.events ?? [], Number(expectedRevision + 1n), proposed) ?? refused;
  }

  private matchRetry(events: LoggedEvent[], from: number, proposed: ProposedEvent[]): AppendOutcome | undefined {
    const stored = events.slice(from, from + proposed.length);
    if (stored.length === 0 || stored.length !== proposed.length || stored.some((e, i) => e.id !== proposed[i].id)) return undefined;
    const last = stored[stored.length - 1];
    return { ok: true, revision: last.revision, position: last.position, idempotent: true };
  }

  private newStream(streamId: string): Stream {
    const stream: Stream = { events: [], truncateBefore: 0n, softDeleted: false, tombstoned: false };
    this.streams.set(streamId, stream);
    return stream;
  }

  private writeMetadata(streamId: string, metadata: object): LoggedEvent {
    const metastreamId = metastreamOf(streamId);
    const metastream = this.streams.get(metastreamId) ?? this.newStream(metastreamId);
    const event = { id: randomUUID(), type: '$metadata', contentType: 'application/json', data: Buffer.from(JSON.stringify(metadata)), customMetadata: Buffer.alloc(0) };
    return this.write(metastream, metastreamId, event, BigInt(metastream.events.length));
  }

  private write(stream: Stream, streamId: string, event: ProposedEvent, revision: bigint): LoggedEvent {
    const logged = this.record(streamId, event, revision);
    stream.events.push(logged);
    return logged;
  }

  /** Puts a record in $all and tells the listeners. */
  private record(streamId: string, event: ProposedEvent, revision: bigint): LoggedEvent {
    const logged: LoggedEvent = { ...event, streamId, revision, position: this.nextPosition, createdTicks: BigInt(this.clock()) * 10_000n };
    this.nextPosition += RECORD_OVERHEAD + BigInt(event.data.length + event.customMetadata.length + streamId.length);
    this.events.push(logged);
    if (!this.firstById.has(event.id)) this.firstById.set(event.id, logged);
    for (const listener of this.listeners) listener(logged);
    return logged;
  }

  /**
   * The events a read of the stream sees, in revision order: undefined when it reads as not
   * found (never written, only metadata, or soft-deleted), 'deleted' after a tombstone.
   */
  stream(streamId: string): LoggedEvent[] | 'deleted' | undefined {
    const stream = this.streams.get(streamId);
    if (stream?.tombstoned) return 'deleted';
    if (!stream || stream.softDeleted || stream.events.length === 0) return undefined;
    return stream.events.slice(Number(stream.truncateBefore));
  }

  /** Every event in log order, including those of deleted streams until a scavenge. */
  all(): readonly LoggedEvent[] {
    return this.events;
  }

  /**
   * What a scavenge does: drops the events of tombstoned streams (keeping the tombstone) and
   * those below a soft-deleted stream's $tb from $all. Positions of the rest do not change.
   */
  scavenge(): void {
    const kept = this.events.filter((event) => {
      const stream = this.streams.get(event.streamId);
      if (!stream) return true;
      if (stream.tombstoned) return event.revision === TOMBSTONE_REVISION;
      return event.revision >= stream.truncateBefore;
    });
    this.events.splice(0, this.events.length, ...kept);
  }

  /** Where the next event will be written: reading from there is valid and finds nothing yet. */
  end(): bigint {
    return this.nextPosition;
  }

  /** Calls back for every event appended from now on; returns the unsubscribe. */
  onAppend(listener: (event: LoggedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function lastRevision(stream: Stream | undefined): bigint | undefined {
  return stream && stream.events.length > 0 ? BigInt(stream.events.length - 1) : undefined;
}

/** Where a stream's metadata lives: `$$<stream>`. */
export function metastreamOf(streamId: string): string {
  return `$$${streamId}`;
}
