import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore, StoredEvent, verifyChains } from '@c2g/event-store';
import { collect } from '../support/collect';
import { dumpReadModels } from '../support/dump-read-models';
import { eventually } from '../support/eventually';
import { boston, kfarAza, kfarAzaBoston } from '../support/program-fixtures';
import { exited, runTs } from '../support/run-ts';
import { issueKey, ServerProcess, startServer } from '../support/server-process';
import { makeTempDir } from '../support/temp-dir';

/**
 * The API process is SIGKILLed at random moments, several times, while eight clients send
 * commands: community registrations (new streams) and pledges then disbursements on one pairing
 * (a hot stream). Clients behave as the README tells them to: every command carries an
 * Idempotency-Key, and a command whose connection broke because the server died is sent again,
 * same key, same body, to the restarted server until it is answered. Nothing is swallowed: a
 * connection error while the server is up, any non-2xx answer, or a retry answered differently
 * from an earlier answer fails the test. At the end every command is in the log exactly once,
 * every chain verifies, and the read models equal a clean rebuild.
 */

const KILLS = 3;
const LANES = 8;

interface Command {
  label: string;
  path: string;
  key: string;
  body: Record<string, unknown>;
  /** The domain event it must leave exactly once, and how to recognise it. */
  type: string;
  is(event: StoredEvent): boolean;
}

interface Answered {
  command: Command;
  status: number;
  body: { streamId: string; eventIds: string[] };
  attempts: number;
}

/** The server the clients talk to now, and which incarnations were killed on purpose. */
interface Life {
  server: ServerProcess;
  incarnation: number;
  killed: Set<number>;
  /** Settles when the current incarnation is listening. */
  up: Promise<void>;
}

const community = (id: string): Command => ({
  label: `community ${id}`,
  path: '/communities',
  key: `crash-community-${id}`,
  body: { id, name: `Community ${id}`, kind: 'global', settlementType: 'federation', country: 'US' },
  type: 'CommunityRegistered',
  is: (e) => e.type === 'CommunityRegistered' && e.streamId === `community-${id}`,
});

const fixture = (path: string, body: Record<string, unknown>, type: string, streamId: string): Command => ({
  label: `${type} ${streamId}`, path, key: `crash-setup-${streamId}`, body, type, is: (e) => e.type === type && e.streamId === streamId,
});

const pledge = (id: string, n: number): Command => ({
  label: `pledge ${id}`,
  path: '/pairings/kfar-aza-boston/pledges',
  key: `crash-pledge-${id}`,
  body: { id, year: 1 + (n % 3), amount: { amount: 100_000 + n, currency: 'USD' } },
  type: 'PledgeMade',
  is: (e) => e.type === 'PledgeMade' && (e.data as { pledgeId?: string }).pledgeId === id,
});

const disbursement = (id: string, pledgeId: string): Command => ({
  label: `disbursement ${id}`,
  path: '/pairings/kfar-aza-boston/disbursements',
  key: `crash-disbursement-${id}`,
  body: { id, pledgeId, amount: { amount: 50_000, currency: 'USD' } },
  type: 'FundsDisbursed',
  is: (e) => e.type === 'FundsDisbursed' && (e.data as { disbursementId?: string }).disbursementId === id,
});

/**
 * fetch's own errors when the connection is refused, reset or closed mid-answer (not HTTP
 * answers). By name: undici's TypeError is not the one of Jest's sandbox.
 */
function isConnectionError(error: unknown): boolean {
  const { name, message, cause } = error as Error;
  return name === 'TypeError' && /fetch failed|terminated/.test(message) && /ECONNRESET|ECONNREFUSED|EPIPE|other side closed|SocketError/.test(String(cause));
}

describe('the API process killed under load, clients retrying with their Idempotency-Key', () => {
  it('applies every command exactly once and converges after restarts', async () => {
    const temp = makeTempDir();
    const dataDir = join(temp.dir, 'data');
    const initial = await startServer(dataDir);
    const life: Life = { server: initial, incarnation: 0, killed: new Set(), up: Promise.resolve() };
    const key = await issueKey(initial.url, 'service');
    const answered: Answered[] = [];
    const failures: string[] = [];
    let stop = false;

    /** Sends until answered; retries only when the connection broke because the server was killed. */
    const send = async (command: Command): Promise<Answered> => {
      for (let attempt = 1; ; attempt += 1) {
        await life.up;
        const { server, incarnation } = life;
        let status: number;
        let text: string;
        try {
          const response = await fetch(`${server.url}${command.path}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': command.key },
            body: JSON.stringify(command.body),
          });
          status = response.status;
          text = await response.text();
        } catch (error) {
          if (isConnectionError(error) && life.killed.has(incarnation)) continue;
          throw new Error(
            `${command.label}, attempt ${attempt}: ${String(error)} (${String((error as Error).cause)}) while server #${incarnation} was up ` +
              `(its exit: ${server.child.exitCode ?? server.child.signalCode}); it printed: ${server.output().slice(-2000)}`,
          );
        }
        if (status < 200 || status >= 300) throw new Error(`${command.label}, attempt ${attempt}: ${status} ${text}`);
        const done: Answered = { command, status, body: JSON.parse(text) as Answered['body'], attempts: attempt };
        answered.push(done);
        return done;
      }
    };
    const lane = async (work: () => Promise<void>) => {
      try {
        await work();
      } catch (error) {
        failures.push((error as Error).message);
        stop = true;
      }
    };

    try {
      const setup = lane(async () => {
        await send(fixture('/communities', kfarAza, 'CommunityRegistered', 'community-kfar-aza'));
        await send(fixture('/communities', boston, 'CommunityRegistered', 'community-boston'));
        await send(fixture('/pairings', kfarAzaBoston, 'PairingCreated', 'pairing-kfar-aza-boston'));
      });
      const lanes = Array.from({ length: LANES }, (_, l) =>
        lane(async () => {
          if (l % 2 === 0) {
            for (let n = 0; !stop; n += 1) await send(community(`crash-${l}-${n}`));
            return;
          }
          await setup;
          for (let n = 0; !stop; n += 1) {
            await send(pledge(`p-${l}-${n}`, n));
            await send(disbursement(`d-${l}-${n}`, `p-${l}-${n}`)); // needs the acknowledged pledge to have survived
          }
        }),
      );

      for (let kill = 0; kill < KILLS && !stop; kill += 1) {
        await new Promise((resolve) => setTimeout(resolve, 500 + Math.random() * 700));
        let listening!: () => void;
        life.up = new Promise<void>((resolve) => (listening = resolve));
        life.killed.add(life.incarnation);
        await life.server.kill('SIGKILL');
        life.server = await startServer(dataDir);
        life.incarnation += 1;
        listening();
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      stop = true;
      await Promise.all([setup, ...lanes]);
      expect(failures).toEqual([]);

      // Every command again, same key and body, now that nothing is killed: the first answer, nothing appended.
      const first = new Map(answered.map((a) => [a.command.key, a]));
      const commands = [...first.values()].map((a) => a.command);
      const again: string[] = [];
      for (let i = 0; i < commands.length; i += LANES) {
        await Promise.all(commands.slice(i, i + LANES).map(async (command) => {
          const retry = await send(command);
          const earlier = first.get(command.key)!;
          if (JSON.stringify(retry.body.eventIds) !== JSON.stringify(earlier.body.eventIds)) {
            again.push(`${command.label}: first answered ${JSON.stringify(earlier.body.eventIds)}, then ${JSON.stringify(retry.body.eventIds)}`);
          }
        }));
      }
      expect(again).toEqual([]);

      await eventually(async () => expect((await fetch(`${life.server.url}/ready`)).status).toBe(200), 20_000);
      await life.server.kill();

      const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
      const events = await collect(store.readAll());
      const verification = await verifyChains(store.readAll());
      await store.close();
      const byId = new Map(events.map((e) => [e.eventId, e]));
      const retried = [...first.values()].filter((a) => a.attempts > 1);
      // Each command: exactly one event of its kind, and on its stream exactly the events its answer names.
      const notOnce = [...first.values()].flatMap(({ command, body }) => {
        const found = events.filter(command.is);
        const commandId = byId.get(body.eventIds[0] ?? '')?.metadata.commandId;
        const ofCommand = events.filter((e) => e.streamId === body.streamId && e.metadata.commandId === commandId).map((e) => e.eventId);
        const problems = [
          ...(found.length === 1 ? [] : [`${found.length} ${command.type} events`]),
          ...(body.eventIds.length > 0 && body.eventIds.every((id) => byId.has(id)) ? [] : [`answer names events not in the log: ${JSON.stringify(body.eventIds)}`]),
          ...(JSON.stringify(ofCommand) === JSON.stringify(body.eventIds) ? [] : [`its stream holds ${JSON.stringify(ofCommand)} for it`]),
        ];
        return problems.length === 0 ? [] : [`${command.label}: ${problems.join('; ')}`];
      });
      const kinds = ['CommunityRegistered', 'PledgeMade', 'FundsDisbursed'];
      const phantoms = events.filter((e) => kinds.includes(e.type) && ![...first.values()].some(({ command }) => command.is(e)));
      expect({ notOnce, phantoms: phantoms.map((e) => `${e.type} ${e.streamId}`), chainsOk: verification.ok }).toEqual({ notOnce: [], phantoms: [], chainsOk: true });
      expect(first.size).toBeGreaterThan(40);
      expect(answered.filter((a) => a.command.type === 'FundsDisbursed').length).toBeGreaterThan(5);
      expect(retried.length).toBeGreaterThan(0); // some commands really were cut off by a kill and retried

      const clean = join(temp.dir, 'clean');
      cpSync(join(dataDir, 'events.sqlite'), join(clean, 'events.sqlite'), { recursive: true });
      const rebuild = runTs('test/support/projection-worker.ts', [clean]);
      expect(await exited(rebuild)).toBe(0);
      expect(dumpReadModels(join(dataDir, 'read-models'))).toEqual(dumpReadModels(join(clean, 'read-models')));
    } finally {
      stop = true;
      await life.server.kill('SIGKILL').catch(() => undefined);
      temp.remove();
    }
  }, 120_000);
});
