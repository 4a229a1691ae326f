/**
 * Child process of the peer scenario: the same need workload on Emmett's SQLite event store,
 * set up as its documentation shows (getSQLiteEventStore + CommandHandler).
 */
import { join } from 'node:path';
import { CommandHandler } from '@event-driven-io/emmett';
import { getSQLiteEventStore } from '@event-driven-io/emmett-sqlite';
import sqlite3 from 'sqlite3';
import { NeedCommand, NeedEvent, NeedState } from '../../../libs/domain/src';
import { decider, runWorkload } from '../command-path/need-workload';

/**
 * node-sqlite3 runs the statements of one connection in parallel on its thread pool unless the
 * connection is in serialized mode. Emmett 0.38.5 opens a connection per operation and fires
 * `PRAGMA journal_mode = WAL` on it without waiting; node-sqlite3's `run` steps a statement once,
 * so until it is finalized the PRAGMA (which returns a row) is a statement in progress. When it
 * was slow — a lock wait, a busy core — it overlapped the operation's own statements and COMMIT
 * failed with SQLITE_BUSY "cannot commit transaction - SQL statements in progress" (4 runs in
 * 10 here). Serialized mode makes the PRAGMA finish before the operation's first statement; the
 * operation's statements were already awaited one after the other, so nothing else changes.
 */
function serializeEveryConnection(): void {
  const driver = sqlite3 as unknown as { Database: new (...args: unknown[]) => sqlite3.Database };
  const Parallel = driver.Database;
  function Serialized(...args: unknown[]): sqlite3.Database {
    const db = new Parallel(...args);
    db.serialize();
    return db;
  }
  Serialized.prototype = Parallel.prototype;
  driver.Database = Serialized as unknown as typeof driver.Database;
}

async function main(): Promise<void> {
  const [dir, needsPerLane] = process.argv.slice(2);
  serializeEveryConnection();
  const eventStore = getSQLiteEventStore({ fileName: join(dir, 'emmett.sqlite'), schema: { autoMigration: 'CreateOrUpdate' } });
  // Emmett types event data as an open record; c2g's need events are closed shapes of the same JSON.
  type PeerEvent = { type: string; data: Record<string, unknown> };
  const handleNeed = CommandHandler<NeedState, PeerEvent>({
    evolve: (state, event) => decider.evolve(state, event as unknown as NeedEvent),
    initialState: decider.initialState,
  });
  // On a file, the store opens and closes one shared connection per operation: overlapping
  // commands fail (SQLITE_BUSY, "database handle is closed"), so the 64 lanes queue for it.
  let queue: Promise<unknown> = Promise.resolve();
  const handle = (streamId: string, command: NeedCommand) => {
    const turn = queue.then(() => handleNeed(eventStore, streamId, (state) => decider.decide(command, state) as unknown as PeerEvent[]));
    queue = turn.catch(() => undefined);
    return turn.then(() => undefined);
  };
  const result = await runWorkload(Number(needsPerLane), handle);
  process.stdout.write(JSON.stringify(result));
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
