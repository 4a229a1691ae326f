import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { EventStore, StoredEvent, verifyChains } from '@c2g/event-store';
import { Roles } from '../auth/access.decorators';
import { RAW_EVENT_STORE } from '../event-store/event-store.module';
import { PERSON_STORE } from '../persons/person-store.token';
import { PersonVault } from '../persons/person-vault';
import { ApiRead, objectOf, READ_MODEL_ERRORS } from '../openapi/api-read.decorator';
import { AuditEventsQueryDto, AuditStreamQueryDto } from './audit-query.dto';
import { auditEventView, personIdOf } from './audit-event.view';

/** How the audit routes show an event, for the OpenAPI document. */
const AUDITED_EVENT = objectOf(
  'an event as stored, never upcast: eventId, streamId, type, revision, position, data, metadata { actor, actorKeyId, role, ' +
    'commandId, correlationId, causationId, occurredAt, schemaVersion, prevHash, hash }; a team member is shown by person id ' +
    '("[erased]" once erased)',
);

/** A search stops after this many events and says where to continue, so no request runs unbounded. */
const SCAN_LIMIT = 50_000;

@ApiTags('audit')
@ApiBearerAuth()
@Roles('auditor')
@Controller('audit')
export class AuditController {
  constructor(
    @Inject(RAW_EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSON_STORE) private readonly persons: PersonVault,
  ) {}

  /** One stream, event by event, with metadata and hash links; page with ?fromRevision=. */
  @ApiRead('One stream, event by event, as written', {
    description: 'Every event of the stream with its metadata and hash links, oldest first; page with ?limit= and ?fromRevision= (nextFromRevision when there is more).',
    schema: { type: 'object', required: ['streamId', 'items'], properties: { streamId: { type: 'string' }, items: { type: 'array', items: AUDITED_EVENT }, nextFromRevision: { type: 'string', description: 'present only when there is more' } } },
    errors: { 400: READ_MODEL_ERRORS[400], 404: 'stream-not-found: no event in that stream' },
  })
  @Get('streams/:streamId')
  async stream(@Param('streamId') streamId: string, @Query() { limit, fromRevision }: AuditStreamQueryDto) {
    const events: StoredEvent[] = [];
    for await (const event of this.store.readStream(streamId, { fromRevision: BigInt(fromRevision ?? 0), maxCount: limit + 1 })) events.push(event);
    if (events.length === 0 && !fromRevision) throw new NotFoundException({ code: 'stream-not-found', message: `no stream ${streamId}` });
    const page = events.slice(0, limit);
    return {
      streamId,
      items: await this.views(page),
      ...(events.length > limit ? { nextFromRevision: String(Number(page[page.length - 1].revision) + 1) } : {}),
    };
  }

  /** The log filtered by type, correlation id, actor and time; ?fromPosition= continues a search. */
  @ApiRead('Search the log across streams', {
    description: 'Filtered by type, correlationId (one request across streams), actor (the key label) and occurredAt from/to (a date includes the whole day), from ?fromPosition=; a search stops after 50,000 events or ?limit= matches and gives nextFromPosition to continue.',
    schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: AUDITED_EVENT }, nextFromPosition: { type: 'string', description: 'present only when the search can go on' } } },
    errors: { 400: READ_MODEL_ERRORS[400] },
  })
  @Get('events')
  async events(@Query() query: AuditEventsQueryDto) {
    const until = query.to && query.to.length === 10 ? `${query.to}T23:59:59.999Z` : query.to;
    const matches = (e: StoredEvent) =>
      (!query.type || e.type === query.type) &&
      (!query.correlationId || e.metadata.correlationId === query.correlationId) &&
      (!query.actor || e.metadata.actor === query.actor) &&
      (!query.from || e.metadata.occurredAt >= query.from) &&
      (!until || e.metadata.occurredAt <= until);
    const items: StoredEvent[] = [];
    let scanned = 0;
    let last: bigint | undefined;
    for await (const event of this.store.readAll({ fromPosition: BigInt(query.fromPosition ?? 0), maxCount: SCAN_LIMIT })) {
      scanned += 1;
      last = event.position;
      if (matches(event)) items.push(event);
      if (items.length === query.limit) break;
    }
    const more = items.length === query.limit || scanned === SCAN_LIMIT;
    return {
      items: await this.views(items),
      ...(more && last !== undefined ? { nextFromPosition: (last + 1n).toString() } : {}),
    };
  }

  /** Whether each person of a page still has details: one key-store look-up per person. */
  private async views(events: StoredEvent[]) {
    const ids = [...new Set(events.map(personIdOf).filter((id): id is string => id !== undefined))];
    const states = new Map(await Promise.all(ids.map(async (id) => [id, await this.persons.state(id)] as const)));
    return events.map((event) => auditEventView(event, states));
  }

  /** Recomputes every stream's hash chain and names the first broken link. */
  @ApiRead('Verify every hash chain', {
    description: 'Recomputes every stream\'s SHA-256 chain; when one is broken, names the first broken link (stream, revision, position) and why.',
    schema: objectOf('{ ok: true, streams, events } or { ok: false, streams, events, brokenLink: { streamId, revision, position, eventId, reason } }'),
  })
  @Get('verify')
  async verify() {
    const result = await verifyChains(this.store.readAll());
    if (result.ok) return result;
    const { brokenLink } = result;
    return {
      ...result,
      brokenLink: { ...brokenLink, revision: Number(brokenLink.revision), position: brokenLink.position.toString() },
    };
  }
}
