import { randomUUID } from 'node:crypto';
import { InvalidAppendError } from './event-store-errors';
import { prepareAppend } from './prepare-append';

const event = (overrides: object = {}) => ({ eventId: randomUUID(), type: 'ThingHappened', data: { n: 1 }, ...overrides });
const refused = (streamId: unknown, events: unknown) => () => prepareAppend(streamId, events);

describe('prepareAppend: stream ids', () => {
  it('accepts 1 to 256 printable characters', () => {
    expect(() => prepareAppend('a', [event()])).not.toThrow();
    expect(() => prepareAppend('s'.repeat(256), [event()])).not.toThrow();
    expect(() => prepareAppend('pairing-כפר-עזה', [event()])).not.toThrow();
  });

  it.each([
    ['empty', ''],
    ['longer than 256 characters', 's'.repeat(257)],
    ['a system stream ($...)', '$all'],
    ['a control character', 'pairing-\n1'],
    ['DEL', 'pairing-\u007f'],
    ['a NUL', '\u0000pairing'],
    ['not a string', 42],
  ])('refuses a stream id that is %s', (_, streamId) => {
    expect(refused(streamId, [event()])).toThrow(InvalidAppendError);
  });

  it('allows a $ after the first character', () => {
    expect(() => prepareAppend('price-$100', [event()])).not.toThrow();
  });
});

describe('prepareAppend: events', () => {
  it('refuses events that are not an array, or entries that are not objects', () => {
    expect(refused('s', 'events')).toThrow(InvalidAppendError);
    expect(refused('s', [null])).toThrow(InvalidAppendError);
    expect(refused('s', ['ThingHappened'])).toThrow(InvalidAppendError);
  });

  it('accepts an empty append', () => {
    expect(prepareAppend('s', [])).toEqual([]);
  });

  it('keeps a given event id, in lower case, and marks it as given', () => {
    const id = randomUUID();
    const [prepared] = prepareAppend('s', [event({ eventId: id.toUpperCase() })]);
    expect(prepared).toMatchObject({ eventId: id, eventIdGiven: true });
  });

  it('generates a UUID when none is given, and marks it as generated', () => {
    const [prepared] = prepareAppend('s', [{ type: 'ThingHappened', data: {} }]);
    expect(prepared.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(prepared.eventIdGiven).toBe(false);
  });

  it.each([
    ['not a UUID', 'abc'],
    ['a UUID with something after it', `${randomUUID()}x`],
    ['a UUID with something before it', `x${randomUUID()}`],
    ['a number', 7],
  ])('refuses an event id that is %s', (_, eventId) => {
    expect(refused('s', [event({ eventId })])).toThrow(InvalidAppendError);
  });

  it('accepts types of 1 to 128 characters and refuses others', () => {
    expect(() => prepareAppend('s', [event({ type: 't'.repeat(128) })])).not.toThrow();
    expect(refused('s', [event({ type: 't'.repeat(129) })])).toThrow(InvalidAppendError);
    expect(refused('s', [event({ type: '' })])).toThrow(InvalidAppendError);
    expect(refused('s', [event({ type: 5 })])).toThrow(InvalidAppendError);
  });
});

describe('prepareAppend: data and metadata', () => {
  it.each([
    ['an array', [1, 2]],
    ['null', null],
    ['missing', undefined],
    ['a string', 'text'],
    ['a number', 3],
    ['not serialisable', { big: 1n }],
  ])('refuses data that is %s', (_, data) => {
    expect(refused('s', [event({ data })])).toThrow(InvalidAppendError);
  });

  it('refuses metadata that is not a JSON object', () => {
    expect(refused('s', [event({ metadata: ['actor'] })])).toThrow(InvalidAppendError);
    expect(refused('s', [event({ metadata: 'actor' })])).toThrow(InvalidAppendError);
  });

  it('hands data on exactly as it will read back (JSON round trip), with its JSON', () => {
    const [prepared] = prepareAppend('s', [event({ data: { at: new Date('2025-01-02T00:00:00Z'), gone: undefined, n: 1 } })]);
    expect(prepared.data).toEqual({ at: '2025-01-02T00:00:00.000Z', n: 1 });
    expect(Object.keys(prepared.data as object)).toEqual(['at', 'n']);
    expect(prepared.dataJson).toBe('{"at":"2025-01-02T00:00:00.000Z","n":1}');
  });

  it('keeps caller metadata and a given occurredAt and schemaVersion', () => {
    const metadata = { actor: 'svc-a', occurredAt: '2024-10-07T06:29:00.000Z', schemaVersion: 2 };
    const [prepared] = prepareAppend('s', [event({ metadata })], () => 'never used');
    expect(prepared.metadata).toEqual(metadata);
  });

  it('stamps every event lacking occurredAt with one time for the whole append, and schema version 1', () => {
    let calls = 0;
    const now = () => `2025-01-01T00:00:0${(calls += 1)}.000Z`;
    const prepared = prepareAppend('s', [event(), event({ metadata: { occurredAt: '2024-10-07T06:29:00.000Z' } }), event()], now);
    expect(prepared.map((e) => e.metadata.occurredAt)).toEqual(['2025-01-01T00:00:01.000Z', '2024-10-07T06:29:00.000Z', '2025-01-01T00:00:01.000Z']);
    expect(prepared.map((e) => e.metadata.schemaVersion)).toEqual([1, 1, 1]);
    expect(calls).toBe(1);
  });

  it('stamps with the current time by default', () => {
    const before = Date.now();
    const [prepared] = prepareAppend('s', [event()]);
    const stamped = Date.parse(prepared.metadata.occurredAt);
    expect(stamped).toBeGreaterThanOrEqual(before);
    expect(stamped).toBeLessThanOrEqual(Date.now());
    expect(prepared.metadata.occurredAt).toBe(new Date(stamped).toISOString());
  });
});
