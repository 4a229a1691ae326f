import { join } from 'node:path';
import { FAULT_POINT_ENV } from '@c2g/event-store/fault-point';
import { SqliteEventStore, StoredEvent } from '@c2g/event-store';
import { collect } from '../support/collect';
import { eventually } from '../support/eventually';
import { exited } from '../support/run-ts';
import { issueKey, postJson, ServerProcess, startServer } from '../support/server-process';
import { makeTempDir } from '../support/temp-dir';

const terms = { partnershipType: 'new', commitment: { annual: { amount: 25_000_000, currency: 'USD' }, years: 3, startDate: '2024-07-01' } };
const community = (id: string, kind: 'israeli' | 'global') =>
  kind === 'israeli'
    ? { id, name: `Kibbutz ${id}`, kind, settlementType: 'kibbutz', country: 'IL' }
    : { id, name: `Federation ${id}`, kind, settlementType: 'federation', country: 'US' };

/**
 * The server is killed (SIGKILL, at a fault point) after creating a pairing has written the
 * Israeli community's stream and before the rest. Whatever the client does next, the
 * program converges: a retry with the same Idempotency-Key or the identical request
 * without one completes the pairing; a client that never comes back leaves a reservation
 * that the watcher abandons after C2G_PAIRING_RESERVATION_SECONDS, freeing the community.
 */
describe('a pairing creation cut short by a crash', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let dataDir: string;
  let server: ServerProcess | undefined;

  beforeEach(() => {
    temp = makeTempDir();
    dataDir = join(temp.dir, 'data');
  });
  afterEach(async () => {
    await server?.kill();
    server = undefined;
    temp.remove();
  });

  /** Starts a server that dies inside the first pairing creation it runs; the request gets no answer. */
  async function crashDuringPairing(communities: ReturnType<typeof community>[], body: object, headers: Record<string, string> = {}) {
    const crashing = await startServer(dataDir, { [FAULT_POINT_ENV]: 'command-between-steps:1' });
    const key = await issueKey(crashing.url, 'service');
    for (const c of communities) expect((await postJson(`${crashing.url}/communities`, key, c)).status).toBe(201);
    await expect(postJson(`${crashing.url}/pairings`, key, body, headers)).rejects.toThrow();
    await exited(crashing.child);
    expect(crashing.child.signalCode).toBe('SIGKILL');
    return key;
  }

  async function streamEvents(streamId: string): Promise<StoredEvent[]> {
    const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
    try {
      return await collect(store.readStream(streamId));
    } finally {
      await store.close();
    }
  }
  const typesOf = async (streamId: string) => (await streamEvents(streamId)).map((e) => e.type);

  it('completes on a retry with the same Idempotency-Key, writing each step once', async () => {
    const body = { israeliCommunityId: 'beeri', globalCommunityId: 'boston', ...terms };
    const key = await crashDuringPairing([community('beeri', 'israeli'), community('boston', 'global')], body, { 'idempotency-key': 'pair-beeri' });
    expect(await typesOf('community-beeri')).toEqual(['CommunityRegistered', 'CommunityPaired']);
    const reservedId = ((await streamEvents('community-beeri'))[1].data as { pairingId: string }).pairingId;

    server = await startServer(dataDir);
    // The same API key (it survives the restart) and the same Idempotency-Key.
    const retry = await postJson(`${server.url}/pairings`, key, body, { 'idempotency-key': 'pair-beeri' });
    expect(retry).toEqual({ status: 201, body: expect.objectContaining({ id: reservedId, streamId: `pairing-${reservedId}` }) });
    expect(await typesOf('community-beeri')).toEqual(['CommunityRegistered', 'CommunityPaired']);
    expect(await typesOf('community-boston')).toEqual(['CommunityRegistered', 'CommunityPaired']);
    expect(await typesOf(`pairing-${reservedId}`)).toEqual(['PairingCreated']);
  });

  it('completes when the identical request is sent again without a key', async () => {
    const body = { israeliCommunityId: 'nir-oz', globalCommunityId: 'chicago', ...terms };
    await crashDuringPairing([community('nir-oz', 'israeli'), community('chicago', 'global')], body);
    const reservedId = ((await streamEvents('community-nir-oz'))[1].data as { pairingId: string }).pairingId;

    server = await startServer(dataDir);
    const key = await issueKey(server.url, 'service');
    const again = await postJson(`${server.url}/pairings`, key, body);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(reservedId);
    expect(await typesOf('community-nir-oz')).toEqual(['CommunityRegistered', 'CommunityPaired']);
    expect(await typesOf(`pairing-${reservedId}`)).toEqual(['PairingCreated']);
  });

  it('frees the community after the grace period when nobody retries, and refuses the late retry', async () => {
    const body = { id: 'kissufim-miami', israeliCommunityId: 'kissufim', globalCommunityId: 'miami', ...terms };
    const key = await crashDuringPairing([community('kissufim', 'israeli'), community('miami', 'global'), community('toronto', 'global')], body, { 'idempotency-key': 'pair-kissufim' });

    server = await startServer(dataDir, { C2G_PAIRING_RESERVATION_SECONDS: '2' });
    const other = { id: 'kissufim-toronto', israeliCommunityId: 'kissufim', globalCommunityId: 'toronto', ...terms };
    const meanwhile = await postJson(`${server.url}/pairings`, key, other);
    expect(meanwhile).toEqual({ status: 422, body: expect.objectContaining({ code: 'community-already-paired', details: { pairingId: 'kissufim-miami' } }) });

    await eventually(async () => expect(await typesOf('community-kissufim')).toEqual(['CommunityRegistered', 'CommunityPaired', 'CommunityUnpaired']), 20_000, 200);
    expect(await typesOf('pairing-kissufim-miami')).toEqual(['PairingAbandoned']);
    expect((await postJson(`${server.url}/pairings`, key, other)).status).toBe(201);
    // The first client comes back late with its key: the pairing it started is gone for good.
    const late = await postJson(`${server.url}/pairings`, key, body, { 'idempotency-key': 'pair-kissufim' });
    expect(late).toEqual({ status: 422, body: expect.objectContaining({ code: 'pairing-abandoned' }) });
    expect(await typesOf('community-kissufim')).toEqual(['CommunityRegistered', 'CommunityPaired', 'CommunityUnpaired', 'CommunityPaired']);
  });
});
