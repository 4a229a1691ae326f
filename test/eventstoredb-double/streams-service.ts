import { randomUUID } from 'node:crypto';
import { sendUnaryData, ServerReadableStream, ServerWritableStream, status } from '@grpc/grpc-js';
import { AppendReq, AppendResp, ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { appendResponse, readEventMessage, streamNameOf, streamNotFoundMessage } from './grpc-messages';
import { Expected, InMemoryLog, LoggedEvent, ProposedEvent } from './in-memory-log';

type Refusal = { code: status; details: string };
const unsupported = (what: string): Refusal => ({ code: status.UNIMPLEMENTED, details: `the wire double does not implement ${what}` });

/** Ends a server-streaming call with a gRPC status, as the server does for a bad request. */
function refuse(call: ServerWritableStream<ReadReq, ReadResp>, refusal: Refusal): void {
  call.emit('error', Object.assign(new Error(refusal.details), refusal));
}

/** The subset of event_store.client.streams.Streams that c2g's adapter uses: Read (streams, $all, $all subscriptions) and Append. */
export function streamsService(log: InMemoryLog) {
  return {
    read(call: ServerWritableStream<ReadReq, ReadResp>): void {
      const options = call.request.getOptions();
      if (!options) return refuse(call, { code: status.INVALID_ARGUMENT, details: 'read options missing' });
      const refusal = options.hasFilter()
        ? unsupported('server-side filters')
        : options.getUuidOption()?.hasStructured()
          ? unsupported('structured UUIDs')
          : undefined;
      if (refusal) return refuse(call, refusal);
      if (options.hasAll() && !startsAtRecord(log, options.getAll()!)) {
        return refuse(call, { code: status.UNKNOWN, details: 'Trying to read from an invalid position.' });
      }
      if (options.hasSubscription()) {
        if (!options.hasAll()) return refuse(call, unsupported('stream subscriptions'));
        return subscribeToAll(log, call, options.getAll()!);
      }
      const count = Number(BigInt(options.getCount() || '0'));
      const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
      if (options.hasStream()) {
        const streamOptions = options.getStream()!;
        const streamId = streamNameOf(streamOptions.getStreamIdentifier()!);
        const stream = log.stream(streamId);
        if (!stream) call.write(streamNotFoundMessage(streamId));
        else for (const event of pickFromStream(stream, streamOptions, backwards, count)) call.write(readEventMessage(event));
      } else {
        for (const event of pickFromAll(log.all(), options.getAll()!, backwards, count)) call.write(readEventMessage(event));
      }
      call.end();
    },

    append(call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void {
      let target: { streamId: string; expected: Expected } | undefined;
      const proposed: ProposedEvent[] = [];
      let refusal: Refusal | undefined;
      call.on('data', (request: AppendReq) => {
        if (request.hasOptions()) target = appendTarget(request.getOptions()!);
        else if (request.hasProposedMessage()) {
          const message = request.getProposedMessage()!;
          const metadata = message.getMetadataMap();
          const [type, contentType] = [metadata.get('type'), metadata.get('content-type')];
          if (!type || !contentType) refusal = { code: status.INVALID_ARGUMENT, details: 'Required metadata property missing: type, content-type' };
          proposed.push({
            id: message.getId()!.getString(),
            type: type ?? '',
            contentType: contentType ?? '',
            data: Buffer.from(message.getData_asU8()),
            customMetadata: Buffer.from(message.getCustomMetadata_asU8()),
          });
        }
      });
      call.on('end', () => {
        if (!target) refusal ??= { code: status.INVALID_ARGUMENT, details: 'append options missing' };
        if (refusal) return callback(Object.assign(new Error(refusal.details), refusal));
        const outcome = log.append(target!.streamId, target!.expected, proposed);
        callback(null, appendResponse(outcome, target!.expected));
      });
    },
  };
}

function appendTarget(options: AppendReq.Options): { streamId: string; expected: Expected } {
  const streamId = streamNameOf(options.getStreamIdentifier()!);
  const Case = AppendReq.Options.ExpectedStreamRevisionCase;
  switch (options.getExpectedStreamRevisionCase()) {
    case Case.REVISION:
      return { streamId, expected: { kind: 'revision', revision: BigInt(options.getRevision()) } };
    case Case.NO_STREAM:
      return { streamId, expected: { kind: 'no_stream' } };
    case Case.STREAM_EXISTS:
      return { streamId, expected: { kind: 'stream_exists' } };
    default:
      return { streamId, expected: { kind: 'any' } };
  }
}

function pickFromStream(stream: LoggedEvent[], options: ReadReq.Options.StreamOptions, backwards: boolean, count: number): LoggedEvent[] {
  const Case = ReadReq.Options.StreamOptions.RevisionOptionCase;
  const from =
    options.getRevisionOptionCase() === Case.REVISION ? Number(BigInt(options.getRevision()))
    : options.getRevisionOptionCase() === Case.END ? stream.length - 1
    : backwards ? stream.length - 1 : 0;
  if (!backwards) return stream.slice(from, from + count);
  const upTo = Math.min(from, stream.length - 1) + 1;
  return stream.slice(Math.max(0, upTo - count), upTo).reverse();
}

/** Forwards from a position is inclusive; backwards returns the events before it. */
function pickFromAll(events: readonly LoggedEvent[], options: ReadReq.Options.AllOptions, backwards: boolean, count: number): LoggedEvent[] {
  const Case = ReadReq.Options.AllOptions.AllOptionCase;
  const position = options.getAllOptionCase() === Case.POSITION ? BigInt(options.getPosition()!.getCommitPosition()) : undefined;
  if (!backwards) {
    if (options.getAllOptionCase() === Case.END) return [];
    const from = position === undefined ? 0 : firstAtOrAfter(events, position);
    return events.slice(from, from + count);
  }
  const upTo = position === undefined || options.getAllOptionCase() === Case.END ? events.length : firstAtOrAfter(events, position);
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

/** Confirmation, the events after the checkpoint, caught-up, then every new event as it is appended. */
function subscribeToAll(log: InMemoryLog, call: ServerWritableStream<ReadReq, ReadResp>, options: ReadReq.Options.AllOptions): void {
  const Case = ReadReq.Options.AllOptions.AllOptionCase;
  const events = log.all();
  let from = 0;
  if (options.getAllOptionCase() === Case.END) from = events.length;
  if (options.getAllOptionCase() === Case.POSITION) {
    const after = BigInt(options.getPosition()!.getCommitPosition());
    from = firstAtOrAfter(events, after);
    if (events[from]?.position === after) from += 1;
  }
  call.write(new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())));
  for (const event of events.slice(from)) call.write(readEventMessage(event));
  call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
  const stop = log.onAppend((event) => call.write(readEventMessage(event)));
  call.on('cancelled', stop);
  call.on('close', stop);
  call.on('error', stop);
}
