import fc from 'fast-check';
import { readStartFor, subscribeStartFor, toPortPosition, toServerPosition } from './eventstoredb-positions';

const offset = fc.bigInt({ min: 0n, max: 2n ** 62n });
const at = (commit: bigint) => ({ commit, prepare: commit });

describe('port positions over EventStoreDB $all positions', () => {
  it('round-trips every server position and keeps their order', () => {
    fc.assert(
      fc.property(offset, offset, (a, b) => {
        expect(toServerPosition(toPortPosition(at(a)))).toEqual(at(a));
        expect(toPortPosition(at(a)) < toPortPosition(at(b))).toBe(a < b);
        expect(toPortPosition(at(a)) >= 2n).toBe(true);
      }),
    );
  });

  it('reads "from the event at p" and "after the event at p" (p + 1) from a record boundary', () => {
    fc.assert(
      fc.property(offset, (e) => {
        const p = toPortPosition(at(e));
        expect(readStartFor(p)).toEqual({ start: p === 2n ? 'start' : at(e) });
        expect(readStartFor(p + 1n)).toEqual({ start: at(e), skipExact: p });
        expect(subscribeStartFor(p)).toEqual(at(e));
        expect(subscribeStartFor(p + 1n)).toEqual(at(e));
      }),
    );
  });

  it('treats 0 (an empty store\'s head) as before everything', () => {
    expect(readStartFor(0n)).toEqual({ start: 'start' });
    expect(readStartFor(1n)).toEqual({ start: 'start' });
    expect(subscribeStartFor(0n)).toBe('start');
  });
});
