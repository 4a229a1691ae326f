import { ErrorType, isCommandError } from '@eventstore/db-client';
import { EventStoreError, InvalidAppendError } from '../port/event-store-errors';

/** The port's errors pass through; the client's become EventStoreErrors that say what happened. */
export function translateServerError(error: unknown, askedPosition?: bigint): Error {
  if (error instanceof EventStoreError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof Error) || !isCommandError(error)) return new EventStoreError(`EventStoreDB request failed: ${message}`);
  switch (error.type) {
    case ErrorType.UNAVAILABLE:
    case ErrorType.DEADLINE_EXCEEDED:
    case ErrorType.TIMEOUT:
      return new EventStoreError(`EventStoreDB is unreachable: ${message}`);
    case ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED:
      return new InvalidAppendError(`the append is larger than the server accepts: ${message}`);
    case ErrorType.WRONG_EXPECTED_VERSION:
      return new EventStoreError(`gave up appending: the stream kept moving (${message})`);
    default:
      if (askedPosition !== undefined && /invalid position/i.test(message)) {
        return new EventStoreError(`position ${askedPosition} is not a position of this store`);
      }
      return new EventStoreError(`EventStoreDB refused the request: ${message}`);
  }
}

export async function describeServerError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw translateServerError(error);
  }
}
