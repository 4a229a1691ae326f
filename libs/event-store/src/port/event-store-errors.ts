import { describeRevision, ExpectedRevision } from './expected-revision';

/** Base class so callers can tell store refusals from bugs. */
export class EventStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The stream was not at the revision the writer expected: someone else wrote first. */
export class WrongExpectedVersionError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: bigint | undefined,
  ) {
    super(
      `stream ${streamId}: expected revision ${describeRevision(expected)}, ` +
        `found ${describeRevision(actual)}`,
    );
  }
}

/** An event id is already stored somewhere that makes this append not a pure retry. */
export class EventIdConflictError extends EventStoreError {
  constructor(readonly eventId: string, reason: string) {
    super(`event ${eventId}: ${reason}`);
  }
}

/** The append itself is malformed (bad stream id, unserialisable data, ...). */
export class InvalidAppendError extends EventStoreError {}

/**
 * The append is larger than the store accepts in one write (EventStoreDB's MaxAppendSize,
 * counted with the chain and actor metadata every event carries). `size` is undefined when
 * only the server knew it.
 */
export class AppendTooLargeError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly size: number | undefined,
    readonly limit: number,
  ) {
    super(
      `the events for ${streamId} would take ${size === undefined ? 'more than' : `${size} bytes, more than`} the ${limit} bytes the event store accepts in one append`,
    );
  }
}

/** The store could not be opened: unwritable directory, foreign file, newer schema. */
export class StoreOpenError extends EventStoreError {}

/** The store was used after close(). */
export class StoreClosedError extends EventStoreError {
  constructor() {
    super('the event store is closed');
  }
}
