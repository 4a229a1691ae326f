import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { EventStore, EventToAppend, SqliteEventStore } from '@c2g/event-store';
import { collect } from '../../../../test/support/collect';
import { makeTempDir } from '../../../../test/support/temp-dir';
import { loadAppConfig } from '../config/app-config';
import { CreatePairing, CreatePairingHandler, PAIRING_NOT_CREATED } from '../pairings/commands/create-pairing.handler';
import { CommandContext } from './command-context';
import { Deciders } from './deciders';
import { commandIdFor, Idempotency, idempotencyKeyStreamId, requestHashOf } from './idempotency';
import { StreamCommandExecutor } from './stream-command-executor';

const deciders = new Deciders(loadAppConfig({}));
const kfarAza = { communityId: 'kfar-aza', name: 'Kfar Aza', aliases: [], kind: 'israeli' as const, settlementType: 'kibbutz' as const, country: 'IL' };
const nahalOz = { ...kfarAza, communityId: 'nahal-oz', name: 'Nahal Oz' };
const boston = { communityId: 'boston', name: 'CJP Boston', aliases: [], kind: 'global' as const, settlementType: 'federation' as const, country: 'US' };
const terms = { partnershipType: 'new', commitment: { annual: { amount: 25_000_000, currency: 'USD' }, years: 3, startDate: '2024-07-01' } };

/** A request's context as the HTTP layer builds it. */
function contextFor(body: unknown, idempotencyKey?: string, url = '/pairings'): CommandContext {
  const commandId = idempotencyKey ? commandIdFor('service-key', idempotencyKey) : randomUUID();
  return {
    principal: { keyId: 'service-key', role: 'service', label: 'test service' },
    commandId,
    correlationId: commandId,
    causationId: commandId,
    now: '2025-01-01T00:00:00.000Z',
    requestHash: requestHashOf('POST', url, body),
    idempotent: idempotencyKey !== undefined,
    keyUse: { streamId: idempotencyKeyStreamId(commandId), checked: false, recorded: false },
  };
}

/** One node: its own store connection, queue and executor, as in one API process. */
function node(file: string, beforeAppend?: (streamId: string) => Promise<void>) {
  const sqlite = new SqliteEventStore({ file });
  const store: EventStore = beforeAppend
    ? new Proxy(sqlite, {
        get(target, property) {
          if (property !== 'append') return Reflect.get(target, property);
          return async (streamId: string, events: EventToAppend[], options: object) => {
            await beforeAppend(streamId);
            return target.append(streamId, events, options);
          };
        },
      })
    : sqlite;
  const executor = new StreamCommandExecutor(store, new Idempotency(store));
  return { store: sqlite, executor, pairings: new CreatePairingHandler(executor, deciders) };
}

describe('the command executor', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let file: string;

  beforeEach(async () => {
    temp = makeTempDir();
    file = join(temp.dir, 'events.sqlite');
    const { executor, store } = node(file);
    for (const profile of [kfarAza, nahalOz, boston]) {
      await executor.execute({ ...deciders.communityStream(profile.communityId), command: { type: 'RegisterCommunity', data: profile }, context: contextFor(profile) });
    }
    await store.close();
  });
  afterEach(() => temp.remove());

  const typesIn = async (store: EventStore, streamId: string) => (await collect(store.readStream(streamId))).map((e) => e.type);

  it('undoes the communities of a pairing refused after they were written (its id taken meanwhile by another node)', async () => {
    const other = node(file);
    let interleaved = false;
    const { pairings, store } = node(file, async (streamId) => {
      // Between this node's community steps and its pairing step, another node creates the same pairing id.
      if (streamId === 'community-boston' && !interleaved) {
        interleaved = true;
        const body = { id: 'shared-id', israeliCommunityId: 'nahal-oz', globalCommunityId: 'boston', ...terms };
        await other.pairings.execute(new CreatePairing(body as never, contextFor(body)));
      }
    });
    const body = { id: 'shared-id', israeliCommunityId: 'kfar-aza', globalCommunityId: 'boston', ...terms };
    await expect(pairings.execute(new CreatePairing(body as never, contextFor(body)))).rejects.toMatchObject({ code: 'pairing-already-exists' });

    expect(await typesIn(store, 'community-kfar-aza')).toEqual(['CommunityRegistered', 'CommunityPaired', 'CommunityUnpaired']);
    const unpaired = (await collect(store.readStream('community-kfar-aza', { fromRevision: 2n })))[0];
    expect(unpaired.data).toEqual({ communityId: 'kfar-aza', pairingId: 'shared-id', reason: PAIRING_NOT_CREATED });
    const pairing = await collect(store.readStream('pairing-shared-id'));
    expect(pairing.map((e) => [e.type, (e.data as { israeliCommunityId: string }).israeliCommunityId])).toEqual([['PairingCreated', 'nahal-oz']]);
    // Boston was paired twice with the same id (once per node) and keeps the winner's pairing.
    const { state } = await other.executor.load('community-boston', deciders.community);
    expect(state.activePairings).toEqual(['shared-id']);
    // Kfar Aza is free: a new pairing goes through.
    const again = { id: 'kfar-aza-boston', israeliCommunityId: 'kfar-aza', globalCommunityId: 'boston', ...terms };
    await expect(pairings.execute(new CreatePairing(again as never, contextFor(again)))).resolves.toMatchObject({ id: 'kfar-aza-boston' });
    await Promise.all([store.close(), other.store.close()]);
  });

  it('decides again on fresh state when another node wrote the stream, until every command lands', async () => {
    const nodes = [node(file), node(file)];
    const body = { id: 'p', israeliCommunityId: 'kfar-aza', globalCommunityId: 'boston', ...terms };
    await nodes[0].pairings.execute(new CreatePairing(body as never, contextFor(body)));
    const pledges = nodes.flatMap((n, k) =>
      Array.from({ length: 20 }, (_, i) => {
        const data = { pledgeId: `n${k}-${i}`, year: 1, amount: { amount: 100, currency: 'USD' } };
        return n.executor.on(deciders.pairingStream('p'), { type: 'MakePledge', data }, contextFor(data, undefined, '/pairings/p/pledges'));
      }),
    );
    const results = await Promise.allSettled(pledges);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const types = await typesIn(nodes[0].store, 'pairing-p');
    expect(types.filter((t) => t === 'PledgeMade')).toHaveLength(40);
    await Promise.all(nodes.map((n) => n.store.close()));
  });

  it('lets only one of two different requests under one Idempotency-Key through, on two nodes and different streams', async () => {
    const nodes = [node(file), node(file)];
    const results = await Promise.allSettled(
      nodes.map((n, i) => {
        const data = { ...boston, communityId: `x-${i}`, name: `Community ${i}` };
        const context = contextFor({ ...data, id: data.communityId }, 'same-key', '/communities');
        return n.executor.execute({ ...deciders.communityStream(`x-${i}`), command: { type: 'RegisterCommunity', data }, context });
      }),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.getResponse()).toMatchObject({ code: 'idempotency-key-reused' });
    const registered = await Promise.all([0, 1].map((i) => typesIn(nodes[0].store, `community-x-${i}`)));
    expect(registered.flat()).toEqual(['CommunityRegistered']);
    await Promise.all(nodes.map((n) => n.store.close()));
  });
});
