import {
  EventIdConflictError,
  EventStoreError,
  InvalidAppendError,
  StoreClosedError,
  StoreOpenError,
  WrongExpectedVersionError,
} from './event-store-errors';
import { describeRevision, satisfiesExpectedRevision } from './expected-revision';

describe('event store errors', () => {
  it('are EventStoreErrors named after their class, so callers tell refusals from bugs', () => {
    const errors = [
      new WrongExpectedVersionError('s', 'no_stream', 0n),
      new EventIdConflictError('id', 'reason'),
      new InvalidAppendError('bad'),
      new StoreOpenError('cannot open'),
      new StoreClosedError(),
    ];
    for (const error of errors) expect(error).toBeInstanceOf(EventStoreError);
    expect(errors.map((e) => e.name)).toEqual([
      'WrongExpectedVersionError', 'EventIdConflictError', 'InvalidAppendError', 'StoreOpenError', 'StoreClosedError',
    ]);
  });

  it('say which stream was expected where and where it was found', () => {
    const stale = new WrongExpectedVersionError('pairing-1', 0n, 3n);
    expect(stale).toMatchObject({ streamId: 'pairing-1', expected: 0n, actual: 3n });
    expect(stale.message).toBe('stream pairing-1: expected revision 0, found 3');
    expect(new WrongExpectedVersionError('pairing-1', 'stream_exists', undefined).message).toBe(
      'stream pairing-1: expected revision stream_exists, found no stream',
    );
    expect(new EventIdConflictError('e-1', 'already stored elsewhere').message).toBe('event e-1: already stored elsewhere');
    expect(new StoreClosedError().message).toBe('the event store is closed');
  });
});

describe('expected revisions', () => {
  it.each([
    ['any', undefined, true], ['any', 4n, true],
    ['no_stream', undefined, true], ['no_stream', 0n, false],
    ['stream_exists', undefined, false], ['stream_exists', 0n, true],
    [0n, 0n, true], [0n, undefined, false], [1n, 0n, false], [0n, 1n, false],
  ] as const)('%s against a stream at %s holds: %s', (expected, current, holds) => {
    expect(satisfiesExpectedRevision(expected, current)).toBe(holds);
  });

  it('are described as the revision, or "no stream"', () => {
    expect(describeRevision(undefined)).toBe('no stream');
    expect(describeRevision(12n)).toBe('12');
    expect(describeRevision('any')).toBe('any');
  });
});
