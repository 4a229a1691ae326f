import { randomUUID } from 'node:crypto';
import { EventStoreDBClient } from '@eventstore/db-client';
import { EventStoreDbEventStore, prepareAppend } from '../../libs/event-store/src';
import { startEventStoreDbDouble } from '../eventstoredb-double/eventstoredb-double';
import { claimEventIds } from './eventstoredb/legacy-event-id-claims';
import { alternate } from './measure';

const WRITERS = 32;

interface Run {
  appendsPerSecond: number;
  /** Records in $all per c2g event, and bytes of $all per c2g event. */
  recordsPerEvent: number;
  bytesPerEvent: number;
}

/**
 * The command path's shape on EventStoreDB over the wire double: WRITERS concurrent writers,
 * each appending one event with a given id at the exact revision it read. With `claims`, each
 * append first claims its event id in a stream of its own, as the adapter did before 2026-12
 * (run alongside the append, which is what it overlapped with then: the tip read).
 */
async function run(total: number, claims: boolean): Promise<Run> {
  const server = await startEventStoreDbDouble();
  const store = new EventStoreDbEventStore({ connectionString: server.connectionString });
  const client = EventStoreDBClient.connectionString(server.connectionString);
  const [recordsBefore, bytesBefore] = [server.log.all().length, server.log.end()];
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, lane) => {
      const streamId = `pairing-${lane}-${randomUUID()}`;
      for (let revision = 0; revision < total / WRITERS; revision += 1) {
        const events = [{ eventId: randomUUID(), type: 'PledgeMade', data: { pairingId: streamId, pledgeId: `p${revision}`, year: 1, amount: { amount: 100_000 + revision, currency: 'USD' } }, metadata: { actor: 'bench', commandId: randomUUID() } }];
        const append = store.append(streamId, events, { expectedRevision: revision === 0 ? 'no_stream' : BigInt(revision - 1) });
        await (claims ? Promise.all([claimEventIds(client, streamId, prepareAppend(streamId, events)), append]) : append);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const result = {
    appendsPerSecond: total / seconds,
    recordsPerEvent: (server.log.all().length - recordsBefore) / total,
    bytesPerEvent: Number(server.log.end() - bytesBefore) / total,
  };
  await client.dispose();
  await store.close();
  await server.stop();
  return result;
}

export async function eventStoreDbClaimsScenario(quick: boolean) {
  const total = quick ? 1_600 : 6_400;
  let withClaims: Run | undefined;
  let without: Run | undefined;
  const { baseline, subject } = await alternate(
    quick ? 3 : 5,
    async () => (withClaims = await run(total, true)).appendsPerSecond,
    async () => (without = await run(total, false)).appendsPerSecond,
  );
  return {
    name: `EventStoreDB adapter over the wire double: event-id claim streams or not (${WRITERS} concurrent writers, 1-event appends at exact revisions)`,
    rows: [
      ['with claim streams (before 2026-12)', `${Math.round(baseline)} appends/s, $all ${withClaims!.recordsPerEvent} records and ${Math.round(withClaims!.bytesPerEvent)} bytes per event`],
      ['without (now)', `${Math.round(subject)} appends/s, $all ${without!.recordsPerEvent} records and ${Math.round(without!.bytesPerEvent)} bytes per event`],
    ],
    ratio: { key: 'eventStoreDbAppendsWithoutClaimsRatio', value: subject / baseline, target: '≥ 1.3' },
  };
}
