import { randomUUID } from 'node:crypto';
import { InMemoryLog, ProposedEvent } from './in-memory-log';

const proposed = (count: number): ProposedEvent[] =>
  Array.from({ length: count }, () => ({ id: randomUUID(), type: 'T', contentType: 'application/json', data: Buffer.from('{}'), customMetadata: Buffer.alloc(0) }));

/** The double must hold EventStoreDB's rules, or the adapter's tests prove nothing. */
describe('the wire double’s log', () => {
  it('appends at the expected revision and refuses any other, reporting the current one', () => {
    const log = new InMemoryLog(() => 0);
    expect(log.append('s', { kind: 'no_stream' }, proposed(2))).toMatchObject({ ok: true, revision: 1n });
    expect(log.append('s', { kind: 'no_stream' }, proposed(1))).toEqual({ ok: false, reason: 'wrong_expected_version', current: 1n });
    expect(log.append('s', { kind: 'revision', revision: 0n }, proposed(1))).toEqual({ ok: false, reason: 'wrong_expected_version', current: 1n });
    expect(log.append('s', { kind: 'revision', revision: 5n }, proposed(1))).toEqual({ ok: false, reason: 'wrong_expected_version', current: 1n });
    expect(log.append('t', { kind: 'stream_exists' }, proposed(1))).toEqual({ ok: false, reason: 'wrong_expected_version', current: undefined });
    expect(log.append('s', { kind: 'revision', revision: 1n }, proposed(1))).toMatchObject({ ok: true, revision: 2n });
  });

  it('answers a re-append of the same ids at the same place with the first result, writing nothing', () => {
    const log = new InMemoryLog(() => 0);
    const events = proposed(2);
    const first = log.append('s', { kind: 'no_stream' }, events);
    log.append('s', { kind: 'any' }, proposed(1));
    const size = log.all().length;
    expect(log.append('s', { kind: 'no_stream' }, events)).toEqual({ ...first, idempotent: true });
    expect(log.append('s', { kind: 'any' }, events)).toEqual({ ...first, idempotent: true });
    expect(log.all()).toHaveLength(size);
    expect(log.append('s', { kind: 'no_stream' }, [events[0], ...proposed(1)])).toEqual({ ok: false, reason: 'wrong_expected_version', current: 2n });
  });

  it('gives $all positions that grow by record size, starting after its own system event', () => {
    const log = new InMemoryLog(() => 0);
    log.append('s', { kind: 'any' }, proposed(3));
    const all = log.all();
    expect(all[0].streamId).toBe('$settings');
    for (let i = 1; i < all.length; i += 1) expect(all[i].position - all[i - 1].position > 1n).toBe(true);
    expect(log.end() > all[all.length - 1].position).toBe(true);
  });
});
