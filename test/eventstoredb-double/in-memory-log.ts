/**
 * The storage behind the EventStoreDB wire double: one transaction log with EventStoreDB's
 * append rules (expected revision, idempotent re-append by event id) and $all positions that
 * are byte offsets, so they grow by more than one per event as on a real server.
 */
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
  | { ok: true; revision: bigint; position: bigint }
  | { ok: false; current: bigint | undefined };

const RECORD_OVERHEAD = 96n;

export class InMemoryLog {
  private readonly events: LoggedEvent[] = [];
  private readonly streams = new Map<string, LoggedEvent[]>();
  private readonly listeners = new Set<(event: LoggedEvent) => void>();
  private nextPosition = 0n;

  constructor(private readonly clock: () => number = Date.now) {
    // A fresh server's log already holds system events: clients must skip them.
    this.append('$settings', { kind: 'any' }, [
      { id: '00000000-0000-4000-8000-000000000001', type: '$settings', contentType: 'application/json', data: Buffer.from('{}'), customMetadata: Buffer.alloc(0) },
    ]);
  }

  append(streamId: string, expected: Expected, proposed: ProposedEvent[]): AppendOutcome {
    const stream = this.streams.get(streamId) ?? [];
    const current = stream.length === 0 ? undefined : BigInt(stream.length - 1);
    const verdict = this.check(stream, current, expected, proposed);
    if (verdict !== 'write') return verdict;
    const created = BigInt(this.clock()) * 10_000n;
    for (const event of proposed) {
      const logged: LoggedEvent = { ...event, streamId, revision: BigInt(stream.length), position: this.nextPosition, createdTicks: created };
      this.nextPosition += RECORD_OVERHEAD + BigInt(event.data.length + event.customMetadata.length + streamId.length);
      stream.push(logged);
      this.events.push(logged);
    }
    this.streams.set(streamId, stream);
    const last = stream[stream.length - 1];
    for (const event of stream.slice(stream.length - proposed.length)) for (const listener of this.listeners) listener(event);
    return { ok: true, revision: last?.revision ?? -1n, position: last?.position ?? this.nextPosition };
  }

  /** EventStoreDB's commit check: a retry of events already in place succeeds without writing. */
  private check(stream: LoggedEvent[], current: bigint | undefined, expected: Expected, proposed: ProposedEvent[]): AppendOutcome | 'write' {
    const refused = { ok: false as const, current };
    if (expected.kind === 'any' || expected.kind === 'stream_exists') {
      const first = proposed.length > 0 ? stream.findIndex((e) => e.id === proposed[0].id) : -1;
      if (first >= 0) return this.matchRetry(stream, first, proposed) ?? refused;
      if (expected.kind === 'stream_exists' && current === undefined) return refused;
      return 'write';
    }
    const expectedRevision = expected.kind === 'no_stream' ? -1n : expected.revision;
    const actual = current ?? -1n;
    if (expectedRevision === actual) return 'write';
    if (expectedRevision > actual) return refused;
    return this.matchRetry(stream, Number(expectedRevision + 1n), proposed) ?? refused;
  }

  private matchRetry(stream: LoggedEvent[], from: number, proposed: ProposedEvent[]): AppendOutcome | undefined {
    const stored = stream.slice(from, from + proposed.length);
    if (stored.length !== proposed.length || stored.some((e, i) => e.id !== proposed[i].id)) return undefined;
    const last = stored[stored.length - 1];
    return { ok: true, revision: last.revision, position: last.position };
  }

  stream(streamId: string): LoggedEvent[] | undefined {
    return this.streams.get(streamId);
  }

  /** Every event in log order. */
  all(): readonly LoggedEvent[] {
    return this.events;
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
