import * as fc from 'fast-check';
import { AppendResult, EventToAppend, ExpectedRevision, WrongExpectedVersionError } from '@c2g/event-store';
import { collect } from '../support/collect';
import { FixtureFactory, newStreamId, someEvents, useFixture } from './event-store-fixture';

type ExpectedChoice = 'any' | 'no_stream' | 'stream_exists' | { offset: number };

interface Step {
  stream: number;
  count: number;
  expected: ExpectedChoice;
  /** Re-send the previous successful append unchanged, as a client retry would. */
  retry: boolean;
}

const step: fc.Arbitrary<Step> = fc.record({
  stream: fc.integer({ min: 0, max: 2 }),
  count: fc.integer({ min: 1, max: 3 }),
  expected: fc.oneof(
    fc.constantFrom<ExpectedChoice>('any', 'no_stream', 'stream_exists'),
    fc.record({ offset: fc.integer({ min: -1, max: 1 }) }),
  ),
  retry: fc.boolean(),
});

/** The simplest event store there is: the reference the real adapters are compared with. */
class InMemoryModel {
  readonly streams = new Map<string, string[]>();
  readonly log: string[] = [];

  revision(streamId: string): bigint | undefined {
    const events = this.streams.get(streamId);
    return events && events.length > 0 ? BigInt(events.length - 1) : undefined;
  }

  append(streamId: string, eventIds: string[], expected: ExpectedRevision): bigint | 'conflict' {
    const current = this.revision(streamId);
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && current === undefined) ||
      (expected === 'stream_exists' && current !== undefined) ||
      expected === current;
    if (!ok) return 'conflict';
    const events = this.streams.get(streamId) ?? [];
    events.push(...eventIds);
    this.streams.set(streamId, events);
    this.log.push(...eventIds);
    return BigInt(events.length - 1);
  }
}

function toExpected(choice: ExpectedChoice, current: bigint | undefined): ExpectedRevision {
  if (typeof choice === 'string') return choice;
  return (current ?? -1n) + BigInt(choice.offset) < 0n ? 'no_stream' : (current ?? -1n) + BigInt(choice.offset);
}

export function modelContract(factory: FixtureFactory): void {
  describe('against an in-memory model (property-based)', () => {
    const fixture = useFixture(factory);

    it('agrees with the model on every random sequence of appends, retries and reads', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
          const { store } = fixture();
          const streams = [newStreamId('model'), newStreamId('model'), newStreamId('model')];
          const model = new InMemoryModel();
          let last: { streamId: string; events: EventToAppend[]; expected: ExpectedRevision; result: AppendResult } | undefined;

          for (const s of steps) {
            if (s.retry && last) {
              const again = await store.append(last.streamId, last.events, { expectedRevision: last.expected });
              expect(again).toEqual(last.result);
              continue;
            }
            const streamId = streams[s.stream];
            const events = someEvents(s.count);
            const expected = toExpected(s.expected, model.revision(streamId));
            const predicted = model.append(streamId, events.map((e) => e.eventId!), expected);
            const outcome = await store.append(streamId, events, { expectedRevision: expected }).catch((e: Error) => e);
            if (predicted === 'conflict') {
              expect(outcome).toBeInstanceOf(WrongExpectedVersionError);
            } else {
              expect(outcome).not.toBeInstanceOf(Error);
              expect((outcome as AppendResult).nextRevision).toBe(predicted);
              last = { streamId, events, expected, result: outcome as AppendResult };
            }
          }

          for (const streamId of streams) {
            const stored = await collect(store.readStream(streamId));
            expect(stored.map((e) => e.eventId)).toEqual(model.streams.get(streamId) ?? []);
          }
          const log = (await collect(store.readAll())).filter((e) => streams.includes(e.streamId));
          expect(log.map((e) => e.eventId)).toEqual(model.log);
        }),
        { numRuns: 40 },
      );
    });
  });
}
