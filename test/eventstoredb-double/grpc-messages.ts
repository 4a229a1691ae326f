import { Metadata, status } from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { AllStreamPosition, Empty, MaximumAppendSizeExceeded, StreamDeleted, StreamIdentifier, UUID, WrongExpectedVersion } from '@eventstore/db-client/generated/shared_pb';
import { AppendResp, BatchAppendResp, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { AppendOutcome, Expected, LoggedEvent } from './in-memory-log';

/** Stream names travel as UTF-8 bytes. */
export function streamIdentifier(streamId: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(Buffer.from(streamId, 'utf8'));
}

export function streamNameOf(identifier: StreamIdentifier): string {
  return Buffer.from(identifier.getStreamName_asU8()).toString('utf8');
}

/** Protobuf messages of the Streams service, built the way an EventStoreDB server fills them. */
export function readEventMessage(event: LoggedEvent): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent();
  recorded.setId(new UUID().setString(event.id));
  recorded.setStreamIdentifier(streamIdentifier(event.streamId));
  recorded.setStreamRevision(event.revision.toString());
  recorded.setPreparePosition(event.position.toString());
  recorded.setCommitPosition(event.position.toString());
  recorded.getMetadataMap().set('type', event.type).set('content-type', event.contentType).set('created', event.createdTicks.toString());
  recorded.setCustomMetadata(event.customMetadata);
  recorded.setData(event.data);
  const read = new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(event.position.toString());
  return new ReadResp().setEvent(read);
}

export function streamNotFoundMessage(streamId: string): ReadResp {
  return new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(streamId)));
}

type Success = { ok: true; revision: bigint; position: bigint; idempotent?: true };

/** The Append call's reply; an idempotent retry carries no position, as from a real server. */
export function appendResponse(outcome: Success | Extract<AppendOutcome, { reason: 'wrong_expected_version' }>, expected: Expected): AppendResp {
  if (outcome.ok) {
    const success = new AppendResp.Success();
    if (outcome.revision < 0n) success.setNoStream(new Empty());
    else success.setCurrentRevision(outcome.revision.toString());
    if (outcome.idempotent) success.setNoPosition(new Empty());
    else success.setPosition(new AppendResp.Position().setCommitPosition(outcome.position.toString()).setPreparePosition(outcome.position.toString()));
    return new AppendResp().setSuccess(success);
  }
  const wrong = new AppendResp.WrongExpectedVersion();
  if (outcome.current === undefined) wrong.setCurrentNoStream(new Empty());
  else wrong.setCurrentRevision(outcome.current.toString());
  if (expected.kind === 'revision') wrong.setExpectedRevision(expected.revision.toString());
  else if (expected.kind === 'no_stream') wrong.setExpectedNoStream(new Empty());
  else if (expected.kind === 'stream_exists') wrong.setExpectedStreamExists(new Empty());
  else wrong.setExpectedAny(new Empty());
  return new AppendResp().setWrongExpectedVersion(wrong);
}

/** One BatchAppend reply: success, or an error status whose details name the failure. */
export function batchAppendResponse(correlationId: UUID, streamId: string, outcome: Success | BatchFailure): BatchAppendResp {
  const response = new BatchAppendResp().setCorrelationId(correlationId).setStreamIdentifier(streamIdentifier(streamId));
  if (outcome.ok) {
    const success = new BatchAppendResp.Success();
    if (outcome.revision < 0n) success.setNoStream(new Empty());
    else success.setCurrentRevision(outcome.revision.toString());
    if (outcome.idempotent) success.setNoPosition(new Empty());
    else success.setPosition(new AllStreamPosition().setCommitPosition(outcome.position.toString()).setPreparePosition(outcome.position.toString()));
    return response.setSuccess(success);
  }
  return response.setError(batchError(outcome));
}

export type BatchFailure =
  | { ok: false; reason: 'wrong_expected_version'; current: bigint | undefined; expected: Expected }
  | { ok: false; reason: 'stream_deleted'; streamId: string }
  | { ok: false; reason: 'maximum_append_size_exceeded'; maxAppendSize: number };

function batchError(failure: BatchFailure): Status {
  const details = new Any();
  if (failure.reason === 'wrong_expected_version') {
    const wrong = new WrongExpectedVersion();
    if (failure.current === undefined) wrong.setCurrentNoStream(new Empty());
    else wrong.setCurrentStreamRevision(failure.current.toString());
    const expected = failure.expected;
    if (expected.kind === 'revision') wrong.setExpectedStreamPosition(expected.revision.toString());
    else if (expected.kind === 'no_stream') wrong.setExpectedNoStream(new Empty());
    else if (expected.kind === 'stream_exists') wrong.setExpectedStreamExists(new Empty());
    else wrong.setExpectedAny(new Empty());
    details.pack(wrong.serializeBinary(), 'event_store.client.WrongExpectedVersion');
    return new Status().setCode(Code.FAILED_PRECONDITION).setMessage('WrongExpectedVersion').setDetails(details);
  }
  if (failure.reason === 'stream_deleted') {
    details.pack(new StreamDeleted().setStreamIdentifier(streamIdentifier(failure.streamId)).serializeBinary(), 'event_store.client.StreamDeleted');
    return new Status().setCode(Code.FAILED_PRECONDITION).setMessage(`Event stream '${failure.streamId}' is deleted.`).setDetails(details);
  }
  details.pack(new MaximumAppendSizeExceeded().setMaxappendsize(failure.maxAppendSize).serializeBinary(), 'event_store.client.MaximumAppendSizeExceeded');
  return new Status().setCode(Code.INVALID_ARGUMENT).setMessage(`Maximum Append Size of ${failure.maxAppendSize} Exceeded.`).setDetails(details);
}

/** A gRPC error status with the trailing metadata the client reads the failure from. */
export type ServerFailure = { code: status; details: string; metadata?: Metadata };

export function failure(code: status, details: string, entries: Record<string, string> = {}): ServerFailure {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(entries)) metadata.set(key, value);
  return { code, details, metadata };
}

/** The number the server writes for an expected state in its errors. */
export function expectedVersionNumber(expected: Expected): bigint {
  switch (expected.kind) {
    case 'revision':
      return expected.revision;
    case 'no_stream':
      return -1n;
    case 'any':
      return -2n;
    case 'stream_exists':
      return -4n;
  }
}

export const serverFailures = {
  streamDeleted: (streamId: string) =>
    failure(status.FAILED_PRECONDITION, `Event stream '${streamId}' is deleted.`, { exception: 'stream-deleted', 'stream-name': streamId }),
  wrongExpectedVersion: (operation: string, streamId: string, expected: Expected, current: bigint | undefined) =>
    failure(
      status.FAILED_PRECONDITION,
      `${operation} failed due to WrongExpectedVersion. Stream: ${streamId}, Expected version: ${expectedVersionNumber(expected)}, Actual version: ${current ?? -1}`,
      { exception: 'wrong-expected-version', 'stream-name': streamId, 'expected-version': expectedVersionNumber(expected).toString(), 'actual-version': current?.toString() ?? '' },
    ),
  maxAppendSizeExceeded: (maxAppendSize: number) =>
    failure(status.INVALID_ARGUMENT, `Maximum Append Size of ${maxAppendSize} Exceeded.`, { exception: 'maximum-append-size-exceeded', 'maximum-append-size': String(maxAppendSize) }),
  invalidPosition: () => failure(status.INVALID_ARGUMENT, 'Trying to read from an invalid position.'),
};
