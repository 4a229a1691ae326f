import { randomUUID } from 'node:crypto';
import { sendUnaryData, ServerDuplexStream, ServerReadableStream, ServerUnaryCall, ServerWritableStream, status } from '@grpc/grpc-js';
import {
  AppendReq,
  AppendResp,
  BatchAppendReq,
  BatchAppendResp,
  DeleteReq,
  DeleteResp,
  ReadReq,
  ReadResp,
  TombstoneReq,
  TombstoneResp,
} from '@eventstore/db-client/generated/streams_pb';
import {
  appendResponse,
  batchAppendResponse,
  failure,
  readEventMessage,
  ServerFailure,
  serverFailures,
  streamNameOf,
  streamNotFoundMessage,
} from './grpc-messages';
import { DeleteOutcome, Expected, InMemoryLog, LoggedEvent, ProposedEvent, sizeOnDisk } from './in-memory-log';

export interface StreamsServiceOptions {
  /** The server's MaxAppendSize (1 MiB by default). */
  maxAppendSize: number;
  /** While it returns a promise, appends wait for it: lets a test hold appends in flight. */
  appendGate: () => Promise<void> | undefined;
  /** Calls served, by method name: lets a test see which path the client took. */
  served: Record<string, number>;
}

const unsupported = (what: string): ServerFailure => failure(status.UNIMPLEMENTED, `the wire double does not implement ${what}`);

function asError(refusal: ServerFailure): Error {
  return Object.assign(new Error(refusal.details), refusal);
}

/** Ends a server-streaming call with a gRPC status, as the server does for a bad request. */
function refuse(call: ServerWritableStream<ReadReq, ReadResp>, refusal: ServerFailure): void {
  call.emit('error', asError(refusal));
}

type RevisionCase = { REVISION: number; NO_STREAM: number; STREAM_EXISTS: number };

/** The expected state of an append, delete or tombstone request (their oneofs share numbers). */
function expectedOf(which: number, revision: () => string, Case: RevisionCase): Expected {
  if (which === Case.REVISION) return { kind: 'revision', revision: BigInt(revision()) };
  if (which === Case.NO_STREAM) return { kind: 'no_stream' };
  if (which === Case.STREAM_EXISTS) return { kind: 'stream_exists' };
  return { kind: 'any' };
}

function proposedOf(message: AppendReq.ProposedMessage | BatchAppendReq.ProposedMessage): ProposedEvent | ServerFailure {
  const metadata = message.getMetadataMap();
  const [type, contentType] = [metadata.get('type'), metadata.get('content-type')];
  if (!type || !contentType) {
    return failure(status.INVALID_ARGUMENT, 'Required Metadata Property is missing', { exception: 'missing-required-metadata-property', 'required-metadata-properties': 'type,content-type' });
  }
  return { id: message.getId()!.getString(), type, contentType, data: Buffer.from(message.getData_asU8()), customMetadata: Buffer.from(message.getCustomMetadata_asU8()) };
}

/**
 * The subset of event_store.client.streams.Streams that c2g uses: Read (streams, $all, $all
 * subscriptions), Append, BatchAppend (what a 21.10+ server's clients append through), Delete
 * and Tombstone.
 */
export function streamsService(log: InMemoryLog, options: StreamsServiceOptions) {
  const tooBig = (events: ProposedEvent[]) => events.reduce((size, event) => size + sizeOnDisk(event), 0) > options.maxAppendSize;

  return {
    read(call: ServerWritableStream<ReadReq, ReadResp>): void {
      options.served.read = (options.served.read ?? 0) + 1;
      const request = call.request.getOptions();
      if (!request) return refuse(call, failure(status.INVALID_ARGUMENT, 'read options missing'));
      const refusal = request.hasFilter()
        ? unsupported('server-side filters')
        : request.getUuidOption()?.hasStructured()
          ? unsupported('structured UUIDs')
          : undefined;
      if (refusal) return refuse(call, refusal);
      if (request.hasSubscription()) {
        if (!request.hasAll()) return refuse(call, unsupported('stream subscriptions'));
        return subscribeToAll(log, call, request.getAll()!);
      }
      if (request.hasAll() && !startsAtRecord(log, request.getAll()!)) return refuse(call, serverFailures.invalidPosition());
      const count = Number(BigInt(request.getCount() || '0'));
      const backwards = request.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
      if (request.hasStream()) {
        const streamOptions = request.getStream()!;
        const streamId = streamNameOf(streamOptions.getStreamIdentifier()!);
        const stream = log.stream(streamId);
        if (stream === 'deleted') return refuse(call, serverFailures.streamDeleted(streamId));
        if (!stream) call.write(streamNotFoundMessage(streamId));
        else for (const event of pickFromStream(stream, streamOptions, backwards, count)) call.write(readEventMessage(event));
      } else {
        for (const event of pickFromAll(log.all(), request.getAll()!, backwards, count)) call.write(readEventMessage(event));
      }
      call.end();
    },

    append(call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void {
      options.served.append = (options.served.append ?? 0) + 1;
      let target: { streamId: string; expected: Expected } | undefined;
      const proposed: ProposedEvent[] = [];
      let refusal: ServerFailure | undefined;
      call.on('data', (request: AppendReq) => {
        if (request.hasOptions()) {
          const appendOptions = request.getOptions()!;
          const Case = AppendReq.Options.ExpectedStreamRevisionCase;
          target = {
            streamId: streamNameOf(appendOptions.getStreamIdentifier()!),
            expected: expectedOf(appendOptions.getExpectedStreamRevisionCase(), () => appendOptions.getRevision(), Case),
          };
        } else if (request.hasProposedMessage()) {
          const event = proposedOf(request.getProposedMessage()!);
          if ('code' in event) refusal ??= event;
          else proposed.push(event);
        }
      });
      call.on('end', async () => {
        if (!target) refusal ??= failure(status.INVALID_ARGUMENT, 'append options missing');
        if (!refusal && tooBig(proposed)) refusal = serverFailures.maxAppendSizeExceeded(options.maxAppendSize);
        if (refusal) return callback(asError(refusal));
        await options.appendGate();
        // The call ended while the append was held (the server stopped): a dead server writes nothing.
        if (call.cancelled) return;
        const outcome = log.append(target!.streamId, target!.expected, proposed);
        if (!outcome.ok && outcome.reason === 'stream_deleted') return callback(asError(serverFailures.streamDeleted(target!.streamId)));
        callback(null, appendResponse(outcome, target!.expected));
      });
    },

    /**
     * One long-lived call per client carrying many appends, each told apart by its correlation
     * id and possibly split over several requests (the last with is_final). Failures of one
     * append are answered on the call; the call itself only fails as a whole.
     */
    batchAppend(call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void {
      options.served.batchAppend = (options.served.batchAppend ?? 0) + 1;
      const pending = new Map<string, { streamId: string; expected: Expected; events: ProposedEvent[]; refusal?: ServerFailure }>();
      call.on('data', async (request: BatchAppendReq) => {
        const correlationId = request.getCorrelationId()!;
        const key = correlationId.getString();
        if (request.hasOptions()) {
          const batchOptions = request.getOptions()!;
          const Case = BatchAppendReq.Options.ExpectedStreamPositionCase;
          pending.set(key, {
            streamId: streamNameOf(batchOptions.getStreamIdentifier()!),
            expected: expectedOf(batchOptions.getExpectedStreamPositionCase(), () => batchOptions.getStreamPosition(), { ...Case, REVISION: Case.STREAM_POSITION }),
            events: [],
          });
        }
        const append = pending.get(key);
        if (!append) return call.emit('error', asError(failure(status.INVALID_ARGUMENT, 'the first request of a batch append must carry its options')));
        for (const message of request.getProposedMessagesList()) {
          const event = proposedOf(message);
          if ('code' in event) append.refusal ??= event;
          else append.events.push(event);
        }
        if (!request.getIsFinal()) return;
        pending.delete(key);
        if (append.refusal) return call.emit('error', asError(append.refusal));
        if (tooBig(append.events)) {
          call.write(batchAppendResponse(correlationId, append.streamId, { ok: false, reason: 'maximum_append_size_exceeded', maxAppendSize: options.maxAppendSize }));
          return;
        }
        await options.appendGate();
        // The call ended while the append was held (the server stopped): a dead server writes nothing.
        if (call.cancelled) return;
        const outcome = log.append(append.streamId, append.expected, append.events);
        if (outcome.ok) call.write(batchAppendResponse(correlationId, append.streamId, outcome));
        else if (outcome.reason === 'stream_deleted') call.write(batchAppendResponse(correlationId, append.streamId, { ok: false, reason: 'stream_deleted', streamId: append.streamId }));
        else call.write(batchAppendResponse(correlationId, append.streamId, { ...outcome, expected: append.expected }));
      });
      call.on('end', () => call.end());
    },

    delete(call: ServerUnaryCall<DeleteReq, DeleteResp>, callback: sendUnaryData<DeleteResp>): void {
      options.served.delete = (options.served.delete ?? 0) + 1;
      const request = call.request.getOptions()!;
      const streamId = streamNameOf(request.getStreamIdentifier()!);
      const expected = expectedOf(request.getExpectedStreamRevisionCase(), () => request.getRevision(), DeleteReq.Options.ExpectedStreamRevisionCase);
      const outcome = log.delete(streamId, expected);
      const reply = deletion(outcome, streamId, expected);
      if (typeof reply !== 'bigint') return callback(asError(reply));
      callback(null, new DeleteResp().setPosition(new DeleteResp.Position().setCommitPosition(reply.toString()).setPreparePosition(reply.toString())));
    },

    tombstone(call: ServerUnaryCall<TombstoneReq, TombstoneResp>, callback: sendUnaryData<TombstoneResp>): void {
      options.served.tombstone = (options.served.tombstone ?? 0) + 1;
      const request = call.request.getOptions()!;
      const streamId = streamNameOf(request.getStreamIdentifier()!);
      const expected = expectedOf(request.getExpectedStreamRevisionCase(), () => request.getRevision(), TombstoneReq.Options.ExpectedStreamRevisionCase);
      const outcome = log.tombstone(streamId, expected);
      const reply = deletion(outcome, streamId, expected);
      if (typeof reply !== 'bigint') return callback(asError(reply));
      callback(null, new TombstoneResp().setPosition(new TombstoneResp.Position().setCommitPosition(reply.toString()).setPreparePosition(reply.toString())));
    },
  };
}

/** The position of a delete or tombstone, or the error the server answers it with. */
function deletion(outcome: DeleteOutcome, streamId: string, expected: Expected): bigint | ServerFailure {
  if (outcome.ok) return outcome.position;
  if (outcome.reason === 'stream_deleted') return serverFailures.streamDeleted(streamId);
  return serverFailures.wrongExpectedVersion('Delete', streamId, expected, outcome.current);
}

/** Stream reads go by revision: a soft-deleted stream's visible events do not start at 0. */
function pickFromStream(stream: LoggedEvent[], options: ReadReq.Options.StreamOptions, backwards: boolean, count: number): LoggedEvent[] {
  const Case = ReadReq.Options.StreamOptions.RevisionOptionCase;
  const last = stream[stream.length - 1].revision;
  const first = stream[0].revision;
  const from =
    options.getRevisionOptionCase() === Case.REVISION ? BigInt(options.getRevision())
    : options.getRevisionOptionCase() === Case.END ? last
    : 0n; // START: forwards from the first revision, backwards only revision 0 itself
  if (!backwards) return stream.filter((e) => e.revision >= from).slice(0, count);
  if (from < first) return [];
  return stream.filter((e) => e.revision <= from).reverse().slice(0, count);
}

/** Forwards from a position is inclusive; backwards returns the events before it; backwards from START finds nothing. */
function pickFromAll(events: readonly LoggedEvent[], options: ReadReq.Options.AllOptions, backwards: boolean, count: number): LoggedEvent[] {
  const Case = ReadReq.Options.AllOptions.AllOptionCase;
  const which = options.getAllOptionCase();
  const position = which === Case.POSITION ? BigInt(options.getPosition()!.getCommitPosition()) : undefined;
  if (!backwards) {
    if (which === Case.END) return [];
    const from = position === undefined ? 0 : firstAtOrAfter(events, position);
    return events.slice(from, from + count);
  }
  const upTo = which === Case.END ? events.length : position === undefined ? 0 : firstAtOrAfter(events, position);
  return events.slice(Math.max(0, upTo - count), upTo).reverse();
}

/** The server reads its log from record boundaries only: any other offset is refused. */
function startsAtRecord(log: InMemoryLog, options: ReadReq.Options.AllOptions): boolean {
  if (options.getAllOptionCase() !== ReadReq.Options.AllOptions.AllOptionCase.POSITION) return true;
  const position = options.getPosition()!;
  const [commit, prepare] = [BigInt(position.getCommitPosition()), BigInt(position.getPreparePosition())];
  const events = log.all();
  return commit === prepare && (commit >= log.end() || events[firstAtOrAfter(events, commit)]?.position === commit);
}

function firstAtOrAfter(events: readonly LoggedEvent[], position: bigint): number {
  let [low, high] = [0, events.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (events[mid].position < position) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Confirmation, the events after the checkpoint, caught-up, then every new event as it is
 * appended. A checkpoint off a record boundary is refused after the confirmation, as the
 * server only finds out when its catch-up read starts.
 */
function subscribeToAll(log: InMemoryLog, call: ServerWritableStream<ReadReq, ReadResp>, options: ReadReq.Options.AllOptions): void {
  const Case = ReadReq.Options.AllOptions.AllOptionCase;
  call.write(new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())));
  if (!startsAtRecord(log, options)) return refuse(call, serverFailures.invalidPosition());
  const events = log.all();
  let from = 0;
  if (options.getAllOptionCase() === Case.END) from = events.length;
  if (options.getAllOptionCase() === Case.POSITION) {
    const after = BigInt(options.getPosition()!.getCommitPosition());
    from = firstAtOrAfter(events, after);
    if (events[from]?.position === after) from += 1;
  }
  for (const event of events.slice(from)) call.write(readEventMessage(event));
  call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
  const stop = log.onAppend((event) => call.write(readEventMessage(event)));
  call.on('cancelled', stop);
  call.on('close', stop);
  call.on('error', stop);
}
