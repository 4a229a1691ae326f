import { ErrorType, isCommandError, MaxAppendSizeExceededError } from '@eventstore/db-client';
import { AppendTooLargeError, EventStoreError } from '../port/event-store-errors';

/** The port's errors pass through; the client's become EventStoreErrors that say what happened. */
export function translateServerError(error: unknown, askedPosition?: bigint, streamId?: string): Error {
  if (error instanceof EventStoreError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof Error) || !isCommandError(error)) return new EventStoreError(`EventStoreDB request failed: ${message}`);
  switch (error.type) {
    case ErrorType.UNAVAILABLE:
    case ErrorType.DEADLINE_EXCEEDED:
    case ErrorType.TIMEOUT:
      return new EventStoreError(`EventStoreDB is unreachable: ${message}`);
    case ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED:
      // The server is configured below the adapter's maxAppendSize.
      return new AppendTooLargeError(streamId ?? 'the stream', undefined, (error as MaxAppendSizeExceededError).maxAppendSize);
    case ErrorType.WRONG_EXPECTED_VERSION:
      return new EventStoreError(`gave up appending: the stream kept moving (${message})`);
    default:
      if (askedPosition !== undefined && /invalid position/i.test(message)) {
        return new EventStoreError(`position ${askedPosition} is not a position of this store`);
      }
      return new EventStoreError(`EventStoreDB refused the request: ${message}`);
  }
}

export async function describeServerError<T>(work: () => Promise<T>, streamId?: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw translateServerError(error, undefined, streamId);
  }
}
