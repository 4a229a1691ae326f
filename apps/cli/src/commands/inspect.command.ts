import { Command } from 'commander';
import { StoredEvent } from '@c2g/event-store';
import { StoreOptions, withStore } from '../cli-context';
import { parseCliDate } from '../cli-dates';
import { RemoteOptions, remoteGet } from '../remote';

type InspectOptions = StoreOptions & RemoteOptions;

/** An event as one line of ndjson: exactly as stored, positions as strings. */
function eventLine(event: StoredEvent): string {
  return JSON.stringify({ ...event, revision: Number(event.revision), position: event.position.toString() }) + '\n';
}

const remoteOptions = (command: Command) =>
  command
    .option('--data-dir <dir>', 'data directory (default: $C2G_DATA_DIR or ./data)')
    .option('--url <url>', 'ask a running server (audit API) instead')
    .option('--key <key>', 'an auditor API key (with --url)');

/** `c2g streams <streamId>`: one stream, event by event, as ndjson. */
export function streamsCommand(): Command {
  return remoteOptions(
    new Command('streams').description('print one stream event by event (ndjson), with metadata and hashes').argument('<streamId>', 'e.g. pairing-kfar-aza-boston'),
  ).action(async (streamId: string, options: InspectOptions) => {
    if (options.url) {
      let from = '0';
      do {
        const page = await remoteGet(options, `/audit/streams/${encodeURIComponent(streamId)}?limit=1000&fromRevision=${from}`);
        for (const item of page.items) process.stdout.write(JSON.stringify(item) + '\n');
        from = page.nextFromRevision;
      } while (from);
      return;
    }
    await withStore(options, async (store) => {
      let found = false;
      for await (const event of store.raw.readStream(streamId)) {
        found = true;
        process.stdout.write(eventLine(event));
      }
      if (!found) throw new Error(`no stream ${streamId} in the log (stream ids look like pairing-kfar-aza-boston, need-…, community-…)`);
    });
  });
}

interface EventFilter extends InspectOptions {
  type?: string;
  correlationId?: string;
  actor?: string;
  from?: string;
  to?: string;
  fromPosition?: string;
}

/** `c2g events`: the log, filtered like GET /audit/events, as ndjson. */
export function eventsCommand(): Command {
  return remoteOptions(
    new Command('events')
      .description('print the event log (ndjson), filtered by type, correlation id, actor and time')
      .option('--type <type>', 'event type, e.g. PledgeMade')
      .option('--correlation-id <id>', 'follow one request across streams')
      .option('--actor <label>', 'the API key label that acted')
      .option('--from <date>', 'occurred at or after (ISO date or date-time)')
      .option('--to <date>', 'occurred at or before (a date includes the whole day)')
      .option('--from-position <position>', 'start at this log position'),
  ).action(async (options: EventFilter) => {
    if (options.fromPosition !== undefined && !/^\d{1,19}$/.test(options.fromPosition)) {
      throw new Error(`--from-position "${options.fromPosition}" is not a log position (a whole number)`);
    }
    const since = options.from === undefined ? undefined : parseCliDate('--from', options.from);
    const until = options.to === undefined ? undefined : parseCliDate('--to', options.to, { endOfDay: true });
    if (options.url) {
      const query = new URLSearchParams();
      for (const [name, value] of Object.entries({ type: options.type, correlationId: options.correlationId, actor: options.actor, from: options.from, to: options.to })) {
        if (value) query.set(name, value);
      }
      let from = options.fromPosition ?? '0';
      do {
        query.set('fromPosition', from);
        const page = await remoteGet(options, `/audit/events?limit=1000&${query}`);
        for (const item of page.items) process.stdout.write(JSON.stringify(item) + '\n');
        from = page.nextFromPosition;
      } while (from);
      return;
    }
    await withStore(options, async (store) => {
      for await (const e of store.raw.readAll({ fromPosition: BigInt(options.fromPosition ?? 0) })) {
        if (options.type && e.type !== options.type) continue;
        if (options.correlationId && e.metadata.correlationId !== options.correlationId) continue;
        if (options.actor && e.metadata.actor !== options.actor) continue;
        if (since && e.metadata.occurredAt < since) continue;
        if (until && e.metadata.occurredAt > until) continue;
        process.stdout.write(eventLine(e));
      }
    });
  });
}
