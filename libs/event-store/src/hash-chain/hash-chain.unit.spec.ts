import { createHash, randomUUID } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
import { PreparedEvent } from '../port/prepare-append';
import { StoredEvent } from '../port/stored-event';
import { chainEvent } from './chain-event';
import { computeEventHash, GENESIS_HASH } from './event-hash';
import { verifyChains } from './verify-chains';

const pledge = {
  eventId: '0b7c6f2e-6d0a-4c43-9d7e-2f3b1a9c8e11',
  type: 'PledgeMade',
  data: { amount: 100, b: [1, 'x'], a: 'כפר עזה' },
  metadata: { occurredAt: '2025-01-01T00:00:00.000Z', schemaVersion: 1, prevHash: GENESIS_HASH },
};

describe('event hashes', () => {
  it('are SHA-256 over the RFC 8785 canonical JSON of event id, type, data and metadata', () => {
    const canonical =
      '{"data":{"a":"כפר עזה","amount":100,"b":[1,"x"]},"eventId":"0b7c6f2e-6d0a-4c43-9d7e-2f3b1a9c8e11",' +
      '"metadata":{"occurredAt":"2025-01-01T00:00:00.000Z","prevHash":"' + GENESIS_HASH + '","schemaVersion":1},"type":"PledgeMade"}';
    expect(canonicalize({ eventId: pledge.eventId, type: pledge.type, data: pledge.data, metadata: pledge.metadata })).toBe(canonical);
    expect(computeEventHash(pledge)).toBe(createHash('sha256').update(canonical, 'utf8').digest('hex'));
    // Pinned: hashes already stored must verify with every later version of c2g.
    expect(computeEventHash(pledge)).toBe('4c2cd8861e193d326925aeb5d68973988504603fabf5ba6fe077d17f14f78d75');
  });

  it('leave the event’s own hash out and do not depend on key order', () => {
    const withHash = { ...pledge, metadata: { ...pledge.metadata, hash: 'f'.repeat(64) } };
    const reordered = { ...pledge, data: { b: [1, 'x'], a: 'כפר עזה', amount: 100 } };
    expect(computeEventHash(withHash)).toBe(computeEventHash(pledge));
    expect(computeEventHash(reordered)).toBe(computeEventHash(pledge));
  });

  it('change with every part of the event, the previous hash included', () => {
    const hash = computeEventHash(pledge);
    expect(computeEventHash({ ...pledge, eventId: randomUUID() })).not.toBe(hash);
    expect(computeEventHash({ ...pledge, type: 'PledgeRevised' })).not.toBe(hash);
    expect(computeEventHash({ ...pledge, data: { ...pledge.data, amount: 101 } })).not.toBe(hash);
    expect(computeEventHash({ ...pledge, metadata: { ...pledge.metadata, prevHash: 'a'.repeat(64) } })).not.toBe(hash);
  });

  it('start every stream from the genesis hash, 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });
});

describe('chaining an event', () => {
  it('links it to the previous hash and seals metadata and link together', () => {
    const prepared: PreparedEvent = {
      eventId: pledge.eventId, eventIdGiven: true, type: pledge.type, data: pledge.data, dataJson: JSON.stringify(pledge.data),
      metadata: { occurredAt: '2025-01-01T00:00:00.000Z', schemaVersion: 1 },
    };
    expect(chainEvent(prepared, GENESIS_HASH)).toEqual({ ...pledge.metadata, hash: '4c2cd8861e193d326925aeb5d68973988504603fabf5ba6fe077d17f14f78d75' });
    const next = chainEvent({ ...prepared, eventId: randomUUID() }, computeEventHash(pledge));
    expect(next.prevHash).toBe(computeEventHash(pledge));
  });
});

/** A well-formed log of `perStream` events in each of `streams`, interleaved. */
function chainedLog(streams: string[], perStream: number): StoredEvent[] {
  const tips = new Map<string, string>();
  const log: StoredEvent[] = [];
  for (let revision = 0; revision < perStream; revision += 1) {
    for (const streamId of streams) {
      const eventId = randomUUID();
      const prepared: PreparedEvent = {
        eventId, eventIdGiven: true, type: 'ThingHappened', data: { revision }, dataJson: '',
        metadata: { occurredAt: '2025-01-01T00:00:00.000Z', schemaVersion: 1 },
      };
      const metadata = chainEvent(prepared, tips.get(streamId) ?? GENESIS_HASH);
      tips.set(streamId, metadata.hash);
      log.push({ eventId, streamId, type: 'ThingHappened', revision: BigInt(revision), position: BigInt(log.length + 1), data: { revision }, metadata });
    }
  }
  return log;
}

async function* from(events: StoredEvent[]): AsyncIterable<StoredEvent> {
  yield* events;
}

describe('verifying the chains of a log', () => {
  it('counts streams and events of an intact log', async () => {
    expect(await verifyChains(from(chainedLog(['a', 'b', 'c'], 4)))).toEqual({ ok: true, streams: 3, events: 12 });
    expect(await verifyChains(from([]))).toEqual({ ok: true, streams: 0, events: 0 });
  });

  it('names an event whose content was altered', async () => {
    const log = chainedLog(['a', 'b'], 3);
    log[3] = { ...log[3], data: { revision: 99 } };
    expect(await verifyChains(from(log))).toEqual({
      ok: false, streams: 2, events: 4,
      brokenLink: { streamId: 'b', revision: 1n, position: 4n, eventId: log[3].eventId, reason: 'content does not match its hash (altered after it was written)' },
    });
  });

  it('names an event whose prevHash is not its predecessor’s hash, even with a matching own hash', async () => {
    const log = chainedLog(['a'], 3);
    const metadata = { ...log[2].metadata, prevHash: log[0].metadata.hash };
    log[2] = { ...log[2], metadata: { ...metadata, hash: computeEventHash({ ...log[2], metadata }) } };
    expect(await verifyChains(from(log))).toMatchObject({
      ok: false, events: 3, brokenLink: { revision: 2n, reason: 'prevHash does not match the hash of the previous event' },
    });
  });

  it('names a first event that does not start from the genesis hash', async () => {
    const [first] = chainedLog(['a'], 1);
    const metadata = { ...first.metadata, prevHash: 'a'.repeat(64) };
    const forged = { ...first, metadata: { ...metadata, hash: computeEventHash({ ...first, metadata }) } };
    expect(await verifyChains(from([forged]))).toMatchObject({ ok: false, streams: 0, events: 1, brokenLink: { revision: 0n, reason: 'prevHash does not match the hash of the previous event' } });
  });

  it('names a revision that skips, repeats, or a stream that does not start at 0', async () => {
    const log = chainedLog(['a'], 3);
    expect(await verifyChains(from([log[0], log[2]]))).toMatchObject({ ok: false, brokenLink: { revision: 2n, reason: 'revision 2 follows 0' } });
    expect(await verifyChains(from([log[0], log[1], log[1]]))).toMatchObject({ ok: false, brokenLink: { revision: 1n, reason: 'revision 1 follows 1' } });
    expect(await verifyChains(from([log[1]]))).toMatchObject({ ok: false, brokenLink: { revision: 1n, reason: 'revision 1 follows nothing' } });
  });

  it('reports progress every 10,000 events', async () => {
    const seen: number[] = [];
    const result = await verifyChains(from(chainedLog(['a', 'b'], 5_001)), (checked) => seen.push(checked));
    expect(seen).toEqual([10_000]);
    expect(result).toEqual({ ok: true, streams: 2, events: 10_002 });
  });
});
