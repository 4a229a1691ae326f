import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EventStore } from '@c2g/event-store';
import { commandIdFor, idempotencyKeyStreamId } from '../../apps/api/src/commands/idempotency';
import { EVENT_STORE } from '../../apps/api/src/event-store/event-store.module';
import { PairingReservationWatcher } from '../../apps/api/src/pairings/pairing-reservation-watcher';
import { flagId } from '../../projections/src/duplicate-flags/flag-id';
import { apiClient, Sent } from '../support/api-client';
import { eventually } from '../support/eventually';
import { boston, kfarAza, kfarAzaBoston, kindergartenRoadMap, mattresses, teamMember } from '../support/program-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 14, "nothing written on a refusal": every program-rule code the domain (or a
 * command handler) can refuse with is provoked by one HTTP request through the real app,
 * answered with exactly that code (404 for `…-not-found`, 422 otherwise) and its details,
 * and neither the store's head nor any stream the request targets moves. A meta-test reads
 * the sources and turns the suite red when a new code has no row here.
 */

const REPO = join(__dirname, '..', '..');
const RULE_SOURCES = ['libs', 'apps'];

/** Every `new ProgramRuleError('<code>', …)` in the sources the app runs (specs excluded). */
function ruleCodesInSources(): { codes: Set<string>; dynamic: string[] } {
  const codes = new Set<string>();
  const dynamic: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') visit(path);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) {
        const source = readFileSync(path, 'utf8');
        const calls = source.match(/new\s+ProgramRuleError\s*\(/g) ?? [];
        const literal = [...source.matchAll(/new\s+ProgramRuleError\s*\(\s*(['"`])([^'"`$]+)\1/g)];
        for (const match of literal) codes.add(match[2]);
        // A code that is not a string literal could not be checked against the table below.
        if (calls.length !== literal.length) dynamic.push(relative(REPO, path));
      }
    }
  };
  for (const dir of RULE_SOURCES) visit(join(REPO, dir));
  return { codes, dynamic };
}

// ---------------------------------------------------------------------------------------
// The program the refusals run against (built once, in beforeAll)
// ---------------------------------------------------------------------------------------

const USD = (amount: number) => ({ amount, currency: 'USD' });
const toronto = { ...boston, id: 'toronto', name: 'UJA Federation of Greater Toronto', country: 'CA' };
const israeli = (id: string, name: string, nameHe: string, regionalCouncil: string) => ({ ...kfarAza, id, name, nameHe, aliases: [], regionalCouncil });
const beeri = israeli('beeri', "Be'eri", 'בארי', 'Eshkol');
const nahalOz = israeli('nahal-oz', 'Nahal Oz', 'נחל עוז', "Sha'ar HaNegev");
const nirYitzhak = israeli('nir-yitzhak', 'Nir Yitzhak', 'ניר יצחק', 'Eshkol');
/** Never paired: the Israeli side of the pairing creations refused for their own terms. */
const nirOz = israeli('nir-oz', 'Nir Oz', 'ניר עוז', 'Eshkol');
/** Left with an interrupted pairing creation that the reservation watcher abandons. */
const sufa = israeli('sufa', 'Sufa', 'סופה', 'Eshkol');

const pairing = (id: string, israeliCommunityId: string, globalCommunityId: string, commitment: object = {}) => ({
  ...kfarAzaBoston, id, israeliCommunityId, globalCommunityId, commitment: { ...kfarAzaBoston.commitment, ...commitment },
});

const tekumaPlan = {
  id: 'tkm-housing', source: 'tekuma', authority: 'Tekuma Authority', externalRef: 'TKM-2024-001', title: 'Temporary housing',
  description: 'caravans for returning families', sector: 'housing', regionalCouncil: 'Eshkol',
  window: { from: '2024-06-01', to: '2025-12-31' }, budget: { amount: 12_000_000_000, currency: 'ILS' },
};
/** Raises a need↔plan flag with the `mattresses` need (same council, sector, window, thing). */
const councilPlan = {
  id: 'mun-56', source: 'regional-council', authority: "Sha'ar HaNegev Regional Council", externalRef: 'MUN-56', title: 'מזרונים למשפחות המפונות',
  description: '', sector: 'immediate-relief-goods', regionalCouncil: "Sha'ar HaNegev", window: { from: '2024-11-20', to: '2025-11-27' },
  budget: { amount: 6_250_000, currency: 'ILS' },
};

/** The program's sector taxonomy, as the API promises it in `sector-unknown` details. */
const SECTORS = [
  'housing', 'education', 'employment', 'agriculture', 'infrastructure', 'community-resilience', 'health-and-mental-health',
  'security', 'welfare', 'culture-and-youth', 'immediate-relief-goods',
];

/** Filled in by beforeAll: ids the server chose. */
const found = { flagId: '', serviceKeyId: '' };

// ---------------------------------------------------------------------------------------
// One row per way of refusing: every code at least once
// ---------------------------------------------------------------------------------------

type Lazy<T> = T | (() => T);
const lazy = <T>(value: Lazy<T>): T => (typeof value === 'function' ? (value as () => T)() : value);

interface Refusal {
  code: string;
  what: string;
  url: Lazy<string>;
  body?: unknown;
  /** Every stream the request names or would write to. */
  streams: Lazy<string[]>;
  /** Exactly the details the domain gives; absent when it gives none. */
  details?: Record<string, unknown>;
}

const P1 = 'kfar-aza-boston';
const creationStreams = (id: string, israeliId: string, globalId: string) => [`pairing-${id}`, `community-${israeliId}`, `community-${globalId}`];

const REFUSALS: Refusal[] = [
  {
    code: 'amount-not-positive', what: 'a pledge of zero',
    url: `/pairings/${P1}/pledges`, body: { id: 'nothing', year: 1, amount: USD(0) }, streams: [`pairing-${P1}`],
  },
  {
    code: 'commitment-below-minimum', what: 'an annual commitment one cent below the program minimum',
    url: '/pairings', body: pairing('nir-oz-boston', 'nir-oz', 'boston', { annual: USD(24_999_999) }),
    streams: creationStreams('nir-oz-boston', 'nir-oz', 'boston'), details: { minimum: USD(25_000_000) },
  },
  {
    code: 'commitment-currency-unsupported', what: 'a commitment in shekels',
    url: '/pairings', body: pairing('nir-oz-boston', 'nir-oz', 'boston', { annual: { amount: 100_000_000, currency: 'ILS' } }),
    streams: creationStreams('nir-oz-boston', 'nir-oz', 'boston'),
  },
  {
    code: 'commitment-too-short', what: 'a two-year commitment',
    url: '/pairings', body: pairing('nir-oz-boston', 'nir-oz', 'boston', { years: 2 }),
    streams: creationStreams('nir-oz-boston', 'nir-oz', 'boston'), details: { minimumYears: 3 },
  },
  {
    code: 'community-already-paired', what: 'a second pairing for an Israeli community',
    url: '/pairings', body: pairing('kfar-aza-toronto', 'kfar-aza', 'toronto'),
    streams: creationStreams('kfar-aza-toronto', 'kfar-aza', 'toronto'), details: { pairingId: P1 },
  },
  {
    code: 'community-already-registered', what: 'registering a community again under another name',
    url: '/communities', body: { ...kfarAza, name: 'Kibbutz Kfar Aza' }, streams: ['community-kfar-aza'],
  },
  {
    code: 'community-kind-mismatch', what: 'a pairing whose Israeli side is a global community',
    url: '/pairings', body: pairing('boston-nir-oz', 'boston', 'nir-oz'), streams: creationStreams('boston-nir-oz', 'boston', 'nir-oz'),
  },
  {
    code: 'community-kind-mismatch', what: 'residents returning to a global community',
    url: '/communities/boston/residents-returned', body: { date: '2025-03-01' }, streams: ['community-boston'],
  },
  {
    code: 'community-not-found', what: 'residents returning to an unknown community',
    url: '/communities/atlantis/residents-returned', body: { date: '2025-03-01' }, streams: ['community-atlantis'],
  },
  {
    code: 'community-not-found', what: 'a pairing with an unknown global community',
    url: '/pairings', body: pairing('nir-oz-atlantis', 'nir-oz', 'atlantis'), streams: creationStreams('nir-oz-atlantis', 'nir-oz', 'atlantis'),
  },
  {
    code: 'currency-mismatch', what: 'a pledge in another currency than the commitment',
    url: `/pairings/${P1}/pledges`, body: { id: 'in-shekels', year: 1, amount: { amount: 100_000, currency: 'ILS' } },
    streams: [`pairing-${P1}`], details: { expected: 'USD', actual: 'ILS' },
  },
  {
    code: 'currency-mismatch', what: 'a disbursement in another currency than its pledge',
    url: `/pairings/${P1}/disbursements`, body: { id: 'd-ils', pledgeId: 'y1', amount: { amount: 1_000, currency: 'ILS' } },
    streams: [`pairing-${P1}`], details: { expected: 'USD', actual: 'ILS' },
  },
  {
    code: 'disbursement-already-exists', what: 'a disbursement id used again for another amount',
    url: `/pairings/${P1}/disbursements`, body: { id: 'd1', pledgeId: 'y1', amount: USD(50_000) }, streams: [`pairing-${P1}`],
  },
  {
    code: 'disbursement-exceeds-pledge', what: 'disbursing one cent more than is left of the pledge',
    url: `/pairings/${P1}/disbursements`, body: { id: 'd-too-much', pledgeId: 'y1', amount: USD(60_001) },
    streams: [`pairing-${P1}`], details: { pledged: USD(100_000), disbursed: 40_000, remaining: 60_000 },
  },
  {
    code: 'duplicate-flag-already-resolved', what: 'resolving a resolved flag the other way',
    url: () => `/duplicate-flags/${found.flagId}/resolution`, body: { decision: 'duplicate', note: 'the same mattresses after all' },
    streams: () => [`duplicate-flag-${found.flagId}`], details: { decision: 'complementary' },
  },
  {
    code: 'not-a-candidate-pair', what: 'reporting a need and a plan of another sector as one effort',
    url: '/duplicate-flags/reports', body: { kind: 'need-plan', needId: 'mattresses', otherId: 'tkm-housing', note: 'the same effort' },
    streams: [`duplicate-flag-${flagId('need-plan', 'mattresses', 'tkm-housing')}`],
    details: { reasons: ['different sectors: immediate-relief-goods / housing'] },
  },
  {
    code: 'need-already-exists', what: 'recording a need id again with another title',
    url: '/needs', body: { ...mattresses, title: 'Mattresses and bedding' }, streams: ['need-mattresses', `pairing-${P1}`],
  },
  {
    code: 'need-closed', what: 'revising a fulfilled need',
    url: '/needs/blankets/revisions', body: { title: 'Warm blankets' }, streams: ['need-blankets'],
  },
  {
    code: 'need-closed', what: 'cancelling a fulfilled need',
    url: '/needs/blankets/cancellation', body: { reason: 'recorded twice' }, streams: ['need-blankets'],
  },
  {
    code: 'need-not-found', what: 'fulfilling an unknown need',
    url: '/needs/nowhere/fulfilment', body: { note: 'delivered' }, streams: ['need-nowhere'],
  },
  {
    code: 'need-not-found', what: 'a pledge earmarked for an unknown need',
    url: `/pairings/${P1}/pledges`, body: { id: 'for-nowhere', year: 1, amount: USD(1_000), needId: 'nowhere' },
    streams: [`pairing-${P1}`, 'need-nowhere'],
  },
  {
    code: 'need-of-other-pairing', what: "a pledge earmarked for another pairing's need",
    url: `/pairings/${P1}/pledges`, body: { id: 'for-beeri', year: 1, amount: USD(1_000), needId: 'beeri-kindergarten' },
    streams: [`pairing-${P1}`, 'need-beeri-kindergarten'],
  },
  {
    code: 'pairing-abandoned', what: 'creating a pairing whose interrupted creation was abandoned',
    url: '/pairings', body: pairing('sufa-boston', 'sufa', 'boston'), streams: creationStreams('sufa-boston', 'sufa', 'boston'),
  },
  {
    code: 'pairing-already-exists', what: 'creating a pairing id again with other terms',
    url: '/pairings', body: pairing(P1, 'kfar-aza', 'boston', { years: 4 }), streams: creationStreams(P1, 'kfar-aza', 'boston'),
  },
  {
    code: 'pairing-concluded', what: 'a pledge to a concluded pairing',
    url: '/pairings/beeri-toronto/pledges', body: { id: 'late', year: 1, amount: USD(1_000) }, streams: ['pairing-beeri-toronto'],
  },
  {
    code: 'pairing-concluded', what: 'a need recorded for a concluded pairing',
    url: '/needs', body: { ...mattresses, id: 'beeri-shelter', pairingId: 'beeri-toronto' }, streams: ['pairing-beeri-toronto', 'need-beeri-shelter'],
  },
  {
    code: 'pairing-not-found', what: 'advancing an unknown pairing',
    url: '/pairings/nowhere/phase', body: { to: 'immediate-relief', reason: 'team complete' }, streams: ['pairing-nowhere'],
  },
  {
    code: 'pairing-not-found', what: 'a need recorded for an unknown pairing',
    url: '/needs', body: { ...mattresses, id: 'lost', pairingId: 'nowhere' }, streams: ['pairing-nowhere', 'need-lost'],
  },
  {
    code: 'pairing-same-community', what: 'a community paired with itself',
    url: '/pairings', body: pairing('nir-oz-nir-oz', 'nir-oz', 'nir-oz'), streams: creationStreams('nir-oz-nir-oz', 'nir-oz', 'nir-oz'),
  },
  {
    code: 'phase-guard-unmet', what: 'leaving formation with three seats of the joint team empty',
    url: `/pairings/${P1}/phase`, body: { to: 'immediate-relief', reason: 'too early' }, streams: [`pairing-${P1}`],
    details: { missingSeats: { israeli: 1, global: 2 } },
  },
  {
    code: 'phase-guard-unmet', what: 'entering recovery without an approved road map',
    url: '/pairings/nahal-oz-boston/phase', body: { to: 'recovery', reason: 'in a hurry' }, streams: ['pairing-nahal-oz-boston'],
    details: { roadMapApproved: false },
  },
  {
    code: 'phase-guard-unmet', what: 'concluding before the term without earlyClose',
    url: '/pairings/nir-yitzhak-toronto/phase', body: { to: 'concluded', reason: 'done' }, streams: ['pairing-nir-yitzhak-toronto'],
    details: { termEnd: '2033-01-01' },
  },
  {
    code: 'phase-not-next', what: 'skipping from formation to recovery',
    url: `/pairings/${P1}/phase`, body: { to: 'recovery', reason: 'in a hurry' }, streams: [`pairing-${P1}`],
    details: { from: 'formation', next: 'immediate-relief' },
  },
  {
    code: 'plan-already-exists', what: 'registering a plan id again with another title',
    url: '/plans', body: { ...tekumaPlan, title: 'Temporary housing (caravans)' }, streams: ['plan-tkm-housing'],
  },
  {
    code: 'plan-coverage-missing', what: 'a plan covering neither communities nor a regional council',
    url: '/plans', body: { ...tekumaPlan, id: 'tkm-nowhere', externalRef: 'TKM-2024-003', regionalCouncil: undefined }, streams: ['plan-tkm-nowhere'],
  },
  {
    code: 'plan-not-found', what: 'withdrawing an unknown plan',
    url: '/plans/nowhere/withdrawal', body: { reason: 'superseded' }, streams: ['plan-nowhere'],
  },
  {
    code: 'plan-not-found', what: 'revising an unknown plan',
    url: '/plans/nowhere/revisions', body: { title: 'Caravans' }, streams: ['plan-nowhere'],
  },
  {
    code: 'plan-withdrawn', what: 'revising a withdrawn plan',
    url: '/plans/tkm-withdrawn/revisions', body: { title: 'Caravans' }, streams: ['plan-tkm-withdrawn'],
  },
  {
    code: 'plan-withdrawn', what: 'withdrawing a withdrawn plan again',
    url: '/plans/tkm-withdrawn/withdrawal', body: { reason: 'once more' }, streams: ['plan-tkm-withdrawn'],
  },
  {
    code: 'pledge-already-exists', what: 'a pledge id used again for another year',
    url: `/pairings/${P1}/pledges`, body: { id: 'y1', year: 2, amount: USD(100_000) }, streams: [`pairing-${P1}`],
  },
  {
    code: 'pledge-not-found', what: 'a disbursement against an unknown pledge',
    url: `/pairings/${P1}/disbursements`, body: { id: 'd-nope', pledgeId: 'nope', amount: USD(1_000) }, streams: [`pairing-${P1}`],
  },
  {
    code: 'pledge-outside-term', what: 'a pledge for year 4 of a three-year term',
    url: `/pairings/${P1}/pledges`, body: { id: 'y4', year: 4, amount: USD(1_000) }, streams: [`pairing-${P1}`], details: { years: 3 },
  },
  {
    code: 'sector-unknown', what: 'a need in an unknown sector',
    url: '/needs', body: { ...mattresses, id: 'rockets', sector: 'space-travel' }, streams: ['need-rockets', `pairing-${P1}`],
    details: { sectors: SECTORS },
  },
  {
    code: 'sector-unknown', what: 'a plan in an unknown sector',
    url: '/plans', body: { ...tekumaPlan, id: 'tkm-space', externalRef: 'TKM-2024-004', sector: 'space-travel' }, streams: ['plan-tkm-space'],
    details: { sectors: SECTORS },
  },
  {
    code: 'sector-unknown', what: 'a road-map milestone in an unknown sector',
    url: `/pairings/${P1}/road-map`, body: { milestones: [{ ...kindergartenRoadMap.milestones[0], sector: 'space-travel' }] },
    streams: [`pairing-${P1}`], details: { sectors: SECTORS },
  },
  {
    code: 'team-member-already-assigned', what: 'a team member id assigned again to another side',
    url: `/pairings/${P1}/team-members`, body: { ...teamMember('global', 1), id: 'dana' }, streams: [`pairing-${P1}`],
  },
  {
    code: 'team-member-not-found', what: 'releasing an unknown team member',
    url: `/pairings/${P1}/team-members/nobody/release`, body: { reason: 'moved on' }, streams: [`pairing-${P1}`],
  },
  {
    code: 'team-side-full', what: 'a third member on the agency side',
    url: `/pairings/${P1}/team-members`, body: teamMember('agency', 3), streams: [`pairing-${P1}`], details: { side: 'agency', seats: 2 },
  },
];

/**
 * Codes the domain keeps as a second line of defence but that the HTTP edge already refuses
 * with a 400 naming the field: the request that would reach the rule, and what the 400 names.
 */
const GUARDED_BY_VALIDATION: { code: string; what: string; url: string; body: unknown; streams: string[]; fields: string[] }[] = [
  {
    code: 'nothing-to-revise', what: 'an empty need revision',
    url: '/needs/mattresses/revisions', body: {}, streams: ['need-mattresses'], fields: ['(body)'],
  },
  {
    code: 'nothing-to-revise', what: 'an empty plan revision',
    url: '/plans/tkm-housing/revisions', body: {}, streams: ['plan-tkm-housing'], fields: ['(body)'],
  },
  {
    code: 'road-map-empty', what: 'a road map without milestones',
    url: `/pairings/${P1}/road-map`, body: { milestones: [] }, streams: [`pairing-${P1}`], fields: ['milestones'],
  },
  {
    code: 'window-inverted', what: 'a need revised to a window ending before it starts',
    url: '/needs/mattresses/revisions', body: { window: { from: '2025-02-01', to: '2025-01-01' } }, streams: ['need-mattresses'], fields: ['window.to'],
  },
];

/** Refusals also sent with an Idempotency-Key, and then once more with the same key. */
const KEYED = [
  'a second pairing for an Israeli community',
  'a pledge for year 4 of a three-year term',
  'revising a fulfilled need',
  'a need recorded for an unknown pairing',
  'a third member on the agency side',
  'creating a pairing whose interrupted creation was abandoned',
];

const statusOf = (code: string) => (code.endsWith('-not-found') ? 404 : 422);
const errorOf = (status: number) => (status === 404 ? 'not-found' : 'unprocessable-entity');

describe('every program-rule refusal writes nothing', () => {
  let harness: TestApp;
  let api: ReturnType<typeof apiClient>;

  const headPosition = async (): Promise<string> => {
    const ready = await harness.app.inject({ method: 'GET', url: '/ready' });
    const head = ready.json().store?.headPosition;
    if (typeof head !== 'string') throw new Error(`no head position in /ready: ${ready.body}`);
    return head;
  };
  /** A stream exactly as an auditor reads it (a 404 while it does not exist). */
  const auditStream = (streamId: string) => api.get(`/audit/streams/${streamId}?limit=1000`, { role: 'auditor' });
  const snapshot = async (streamIds: string[]) =>
    Object.fromEntries(
      await Promise.all(
        streamIds.map(async (id) => {
          const { status, body } = await auditStream(id);
          return [id, { status, body }] as const;
        }),
      ),
    );
  const ok = async (sending: Promise<Sent>, what: string): Promise<Sent> => {
    const sent = await sending;
    if (sent.status < 200 || sent.status > 299) throw new Error(`setup step "${what}" failed: ${sent.status} ${JSON.stringify(sent.body)}`);
    return sent;
  };
  const walkTeam = async (pairingId: string) => {
    for (const side of ['israeli', 'global', 'agency']) {
      for (const n of [1, 2]) await ok(api.post(`/pairings/${pairingId}/team-members`, teamMember(side, n)), `team of ${pairingId}`);
    }
  };
  const advance = (pairingId: string, to: string, extra: object = {}) =>
    ok(api.post(`/pairings/${pairingId}/phase`, { to, reason: `on to ${to}`, ...extra }), `${pairingId} to ${to}`);

  /** Sends a refusal and checks the answer, the head and every stream it names. */
  async function expectRefusal(refusal: Refusal, headers?: Record<string, string>, alsoStreams: string[] = []): Promise<Sent> {
    const streams = [...lazy(refusal.streams), ...alsoStreams];
    const head = await headPosition();
    const before = await snapshot(streams);

    const sent = await api.post(lazy(refusal.url), refusal.body, headers ? { headers } : undefined);

    const status = statusOf(refusal.code);
    const { message, ...rest } = sent.body ?? {};
    expect({ status: sent.status, ...rest }).toEqual({
      status,
      error: errorOf(status),
      code: refusal.code,
      ...(refusal.details === undefined ? {} : { details: refusal.details }),
    });
    expect(typeof message === 'string' && message.length > 0).toBe(true);
    expect(await headPosition()).toBe(head);
    expect(await snapshot(streams)).toEqual(before);
    return sent;
  }

  beforeAll(async () => {
    harness = await startTestApp({ C2G_RATE_LIMIT_PER_MINUTE: '1000000' });
    api = apiClient(harness);

    for (const community of [kfarAza, boston, toronto, beeri, nahalOz, nirYitzhak, nirOz, sufa]) {
      await ok(api.post('/communities', community), `community ${community.id}`);
    }
    // The service key's id, to name the stream where a use of an Idempotency-Key would be recorded.
    found.serviceKeyId = (await auditStream('community-kfar-aza')).body.items[0].metadata.actorKeyId;

    // P1, in formation: the agency side full, one Israeli member, a pledge partly disbursed.
    await ok(api.post('/pairings', kfarAzaBoston), P1);
    await ok(api.post(`/pairings/${P1}/team-members`, teamMember('agency', 1)), 'agency 1');
    await ok(api.post(`/pairings/${P1}/team-members`, teamMember('agency', 2)), 'agency 2');
    await ok(api.post(`/pairings/${P1}/team-members`, { ...teamMember('israeli', 1), id: 'dana' }), 'dana');
    await ok(api.post(`/pairings/${P1}/pledges`, { id: 'y1', year: 1, amount: USD(100_000) }), 'pledge y1');
    await ok(api.post(`/pairings/${P1}/disbursements`, { id: 'd1', pledgeId: 'y1', amount: USD(40_000) }), 'disbursement d1');
    await ok(api.post('/needs', mattresses), 'need mattresses');
    await ok(api.post('/needs', { ...mattresses, id: 'blankets', title: 'Blankets', description: '200 blankets', quantity: 200 }), 'need blankets');
    await ok(api.post('/needs/blankets/fulfilment', { note: 'delivered' }, { headers: { 'idempotency-key': 'fulfil-blankets' } }), 'blankets fulfilled');
    // Where an accepted keyed request records its key is where a refused one must not.
    const used = await auditStream(idempotencyKeyStreamId(commandIdFor(found.serviceKeyId, 'fulfil-blankets')));
    expect(used.body.items.map((e: { type: string }) => e.type)).toEqual(['IdempotencyKeyUsed']);

    // P2, concluded early, with a need of its own recorded while it ran.
    await ok(api.post('/pairings', pairing('beeri-toronto', 'beeri', 'toronto')), 'beeri-toronto');
    await walkTeam('beeri-toronto');
    await advance('beeri-toronto', 'immediate-relief');
    await ok(api.post('/needs', { ...mattresses, id: 'beeri-kindergarten', pairingId: 'beeri-toronto', title: 'Kindergarten', sector: 'education' }), 'beeri need');
    await ok(api.post('/pairings/beeri-toronto/road-map', kindergartenRoadMap), 'beeri road map');
    await advance('beeri-toronto', 'road-map');
    await advance('beeri-toronto', 'recovery');
    await advance('beeri-toronto', 'concluded', { earlyClose: true });

    // P3 in the road-map phase without a road map; P4 in recovery, its term ending 2033-01-01.
    await ok(api.post('/pairings', pairing('nahal-oz-boston', 'nahal-oz', 'boston')), 'nahal-oz-boston');
    await walkTeam('nahal-oz-boston');
    await advance('nahal-oz-boston', 'immediate-relief');
    await advance('nahal-oz-boston', 'road-map');
    await ok(api.post('/pairings', pairing('nir-yitzhak-toronto', 'nir-yitzhak', 'toronto', { startDate: '2030-01-01' })), 'nir-yitzhak-toronto');
    await walkTeam('nir-yitzhak-toronto');
    await advance('nir-yitzhak-toronto', 'immediate-relief');
    await ok(api.post('/pairings/nir-yitzhak-toronto/road-map', kindergartenRoadMap), 'nir-yitzhak road map');
    await advance('nir-yitzhak-toronto', 'road-map');
    await advance('nir-yitzhak-toronto', 'recovery');

    // Plans: one running, one withdrawn, one duplicating the mattresses need (its flag resolved).
    await ok(api.post('/plans', tekumaPlan), 'plan tkm-housing');
    await ok(api.post('/plans', { ...tekumaPlan, id: 'tkm-withdrawn', externalRef: 'TKM-2024-002' }), 'plan tkm-withdrawn');
    await ok(api.post('/plans/tkm-withdrawn/withdrawal', { reason: 'superseded by the council plan' }), 'withdrawal');
    const council = await ok(api.post('/plans', councilPlan), 'plan mun-56');
    const flags = await ok(api.get(`/duplicate-flags?kind=need-plan&minPosition=${council.body.position}`), 'flags');
    const flag = flags.body.items.find((f: { needId: string; planId: string }) => f.needId === 'mattresses' && f.planId === 'mun-56');
    if (!flag) throw new Error(`no need↔plan flag for mattresses and mun-56: ${JSON.stringify(flags.body)}`);
    found.flagId = flag.id;
    await ok(api.post(`/duplicate-flags/${flag.id}/resolution`, { decision: 'complementary', note: 'the council covers other families' }), 'flag resolved');

    // A creation of sufa-boston cut short by a crash after its first step, then abandoned by the watcher.
    const store = harness.app.get<EventStore>(EVENT_STORE);
    await store.append('community-sufa', [{ type: 'CommunityPaired', data: { communityId: 'sufa', pairingId: 'sufa-boston' } }], { expectedRevision: 0n });
    await eventually(async () => expect((await harness.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200));
    const watcher = harness.app.get(PairingReservationWatcher);
    // A sweep already under way (the watcher's own timer, at the real time) answers for ours: sweep until ours ran.
    await eventually(async () => {
      await watcher.sweep(new Date(Date.now() + 3_600_000));
      expect((await auditStream('pairing-sufa-boston')).body.items?.map((e: { type: string }) => e.type)).toEqual(['PairingAbandoned']);
    });
    const sufaStream = await auditStream('community-sufa');
    expect(sufaStream.body.items.map((e: { type: string }) => e.type)).toEqual(['CommunityRegistered', 'CommunityPaired', 'CommunityUnpaired']);
    await eventually(async () => expect((await harness.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200));
  }, 30_000);

  afterAll(() => harness?.stop());

  it('has a row for every code a ProgramRuleError is thrown with, and no row for a code that is not', () => {
    const { codes, dynamic } = ruleCodesInSources();
    expect(dynamic).toEqual([]);
    expect(codes.size).toBeGreaterThan(30);
    const refused = new Set(REFUSALS.map((r) => r.code));
    const guarded = new Set(GUARDED_BY_VALIDATION.map((g) => g.code));
    expect([...refused].filter((code) => guarded.has(code))).toEqual([]);
    expect([...new Set([...refused, ...guarded])].sort()).toEqual([...codes].sort());
  });

  it.each(REFUSALS.map((r) => [`${r.code}: ${r.what}`, r] as const))('%s', async (_, refusal) => {
    await expectRefusal(refusal);
  });

  describe('codes the HTTP edge refuses first, with a 400 (guarded by validation)', () => {
    it.each(GUARDED_BY_VALIDATION.map((g) => [`${g.code}: ${g.what}`, g] as const))('%s', async (_, guarded) => {
      const head = await headPosition();
      const before = await snapshot(guarded.streams);
      const sent = await api.post(guarded.url, guarded.body);
      expect(sent.status).toBe(400);
      expect(sent.body.code).toBe('validation-failed');
      expect(sent.body.details.map((d: { field: string }) => d.field)).toEqual(guarded.fields);
      expect(await headPosition()).toBe(head);
      expect(await snapshot(guarded.streams)).toEqual(before);
    });
  });

  describe('with an Idempotency-Key', () => {
    it.each(KEYED.map((what, i) => [what, i] as const))('%s: refused the same way twice, nothing recorded', async (what, i) => {
      const refusal = REFUSALS.find((r) => r.what === what);
      if (!refusal) throw new Error(`no refusal "${what}"`);
      const key = `every-refusal-${i}`;
      const keyStream = idempotencyKeyStreamId(commandIdFor(found.serviceKeyId, key));
      const first = await expectRefusal(refusal, { 'idempotency-key': key }, [keyStream]);
      const again = await expectRefusal(refusal, { 'idempotency-key': key }, [keyStream]);
      expect(again.body).toEqual(first.body);
      // The key's use was never recorded: its stream does not exist.
      expect((await auditStream(keyStream)).body).toMatchObject({ code: 'stream-not-found' });
    });
  });
});
