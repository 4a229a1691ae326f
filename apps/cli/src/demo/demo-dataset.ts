import { GLOBAL_COMMUNITIES, ISRAELI_COMMUNITIES } from './demo-communities';

/** One request of the demo, sent through the real HTTP command path. */
export interface DemoRequest {
  url: string;
  body?: unknown;
  /** When the program would have sent it (ISO date-time): the in-process loader stamps its events with it. */
  at: string;
}

const DAY_MS = 86_400_000;
/** `days` after a date, at 09:00 UTC plus `minutes`, as an ISO date-time. */
const dayAfter = (date: string, days: number, minutes = 0) => new Date(Date.parse(`${date}T09:00:00.000Z`) + days * DAY_MS + minutes * 60_000).toISOString();

const PHASES = ['formation', 'immediate-relief', 'road-map', 'recovery'] as const;
const usd = (dollars: number) => ({ amount: dollars * 100, currency: 'USD' });
const ils = (shekels: number) => ({ amount: shekels * 100, currency: 'ILS' });

const NEEDS: [title: string, sector: string, horizon: string, dollars: number, from: string, to: string][] = [
  ['Mattresses for returning families', 'immediate-relief-goods', 'immediate', 36_000, '2024-08-01', '2024-10-31'],
  ['Kitchen utensils and appliances', 'immediate-relief-goods', 'immediate', 18_000, '2024-08-01', '2024-10-31'],
  ['Resilience centre therapists', 'health-and-mental-health', 'short-term', 120_000, '2024-09-01', '2025-08-31'],
  ['Rebuild the kindergarten', 'education', 'long-term', 400_000, '2025-03-01', '2026-09-01'],
  ['Greenhouse repairs for the farming branch', 'agriculture', 'short-term', 90_000, '2024-10-01', '2025-06-30'],
];

/**
 * The demo program, deterministic: 25 pairings spread over the phases, needs from
 * immediate relief to long-term rebuilding, pledges, disbursements, and Tekuma and
 * regional-council plans. Phase i % 4 is where pairing i stops.
 */
export function demoRequests(): DemoRequest[] {
  const requests: DemoRequest[] = [];
  ISRAELI_COMMUNITIES.forEach(([id, name, nameHe, settlementType, regionalCouncil, aliases], k) => {
    requests.push({ url: '/communities', at: dayAfter('2024-06-02', k), body: { id, name, nameHe, aliases, kind: 'israeli', settlementType, regionalCouncil, country: 'IL' } });
  });
  GLOBAL_COMMUNITIES.forEach(([id, name, country], k) => {
    requests.push({ url: '/communities', at: dayAfter('2024-06-27', k), body: { id, name, kind: 'global', settlementType: 'federation', country } });
  });
  requests.push(...demoPlans());
  ISRAELI_COMMUNITIES.forEach(([communityId], i) => requests.push(...demoPairing(communityId, GLOBAL_COMMUNITIES[i % GLOBAL_COMMUNITIES.length][0], i)));
  // In the order the program would have sent them (a stable sort keeps each pairing's own order).
  return requests.sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * Pairing i starts two weeks after pairing i - 1 (from July 2024, so the last starts in July
 * 2025); its steps follow at the offsets below, the last (recovery) some 14 months later.
 */
function demoPairing(israeliId: string, globalId: string, i: number): DemoRequest[] {
  const pairingId = `${israeliId}-${globalId}`;
  const at = `/pairings/${pairingId}`;
  const target = PHASES[i % PHASES.length];
  const start = dayAfter('2024-07-01', 14 * i).slice(0, 10);
  const day = (offset: number, minutes = 0) => dayAfter(start, offset, minutes);
  const requests: Omit<DemoRequest, 'at'>[] = [{
    url: '/pairings',
    body: {
      id: pairingId, israeliCommunityId: israeliId, globalCommunityId: globalId,
      partnershipType: (['new', 'additional', 'existing'] as const)[i % 3],
      commitment: { annual: usd(250_000 + (i % 4) * 25_000), years: 3 + (i % 2), startDate: '2024-07-01' },
    },
  }];
  const dated: DemoRequest[] = [{ ...requests[0], at: day(0) }];
  /** Adds what requests were pushed since the last call, on `offset` days after the start, a minute apart. */
  const on = (offset: number) => {
    requests.splice(0).forEach((request, n) => dated.push({ ...request, at: day(offset, n) }));
  };
  requests.splice(0);
  const teamSize = target === 'formation' ? 4 : 6;
  (['israeli', 'global', 'agency'] as const).forEach((side, s) => {
    for (let n = 1; n <= 2 && s * 2 + n <= teamSize; n += 1) {
      requests.push({ url: `${at}/team-members`, body: { id: `${pairingId}-${side}-${n}`, side, role: n === 1 ? 'coordinator' : 'member', person: { name: `${side} representative ${n} of ${israeliId}` } } });
    }
  });
  on(3);
  if (target === 'formation') return dated;
  requests.push({ url: `${at}/phase`, body: { to: 'immediate-relief', reason: 'joint team complete' } });
  on(30);
  NEEDS.slice(0, 2 + (i % 4)).forEach(([title, sector, horizon, dollars, from, to], n) => {
    requests.push({ url: '/needs', body: { id: `${israeliId}-need-${n + 1}`, pairingId, title, description: `${title} — ${israeliId}`, sector, horizon, estimatedCost: usd(dollars), window: { from, to } } });
  });
  on(32);
  requests.push({ url: `${at}/pledges`, body: { id: `${pairingId}-y1`, year: 1, amount: usd(200_000) } });
  requests.push({ url: `${at}/pledges`, body: { id: `${pairingId}-y1-mattresses`, year: 1, amount: usd(36_000), needId: `${israeliId}-need-1` } });
  on(40);
  requests.push({ url: `${at}/disbursements`, body: { pledgeId: `${pairingId}-y1-mattresses`, amount: usd(36_000), needId: `${israeliId}-need-1` } });
  on(55);
  requests.push({ url: `/needs/${israeliId}-need-1/fulfilment`, body: { note: 'delivered' } });
  on(70);
  requests.push({ url: `${at}/disbursements`, body: { pledgeId: `${pairingId}-y1`, amount: usd(50_000 + i * 1_000) } });
  on(100);
  if (target === 'immediate-relief') return dated;
  requests.push({ url: `${at}/road-map`, body: { milestones: [
    { title: 'Resilience centre staffed', sector: 'health-and-mental-health', targetDate: '2025-09-01', budget: usd(240_000) },
    { title: 'Kindergarten rebuilt', sector: 'education', targetDate: '2026-09-01', budget: usd(400_000) },
  ] } });
  requests.push({ url: `${at}/phase`, body: { to: 'road-map', reason: 'planning the recovery' } });
  on(180);
  requests.push({ url: `${at}/pledges`, body: { id: `${pairingId}-y2`, year: 2, amount: usd(250_000) } });
  on(365);
  if (target === 'road-map') return dated;
  requests.push({ url: `${at}/phase`, body: { to: 'recovery', reason: 'road map approved, residents returning' } });
  requests.push({ url: `/communities/${israeliId}/residents-returned`, body: { date: day(420).slice(0, 10), count: 150 + i * 10 } });
  on(420);
  return dated;
}

function demoPlans(): DemoRequest[] {
  const plan = (id: string, source: string, authority: string, title: string, sector: string, coverage: object, shekels: number, from: string, to: string) => ({
    url: '/plans',
    at: [dayAfter(from, -30), dayAfter('2024-07-10', 0)].sort()[1], // announced a month before its window opens, once the communities are in
    body: { id, source, authority, externalRef: id.toUpperCase(), title, description: title, sector, ...coverage, window: { from, to }, budget: ils(shekels) },
  });
  return [
    plan('tkm-2024-001', 'tekuma', 'Tekuma Authority', 'Temporary housing for Gaza-border families', 'housing', { regionalCouncil: 'Eshkol' }, 120_000_000, '2024-06-01', '2025-12-31'),
    plan('tkm-2024-002', 'tekuma', 'Tekuma Authority', 'Resilience centres: mental-health staff', 'health-and-mental-health', { regionalCouncil: "Sha'ar HaNegev" }, 30_000_000, '2024-09-01', '2026-08-31'),
    plan('tkm-2024-003', 'tekuma', 'Tekuma Authority', 'Agricultural recovery grants', 'agriculture', { communityIds: ['nir-oz', 'beeri', 'kissufim'] }, 45_000_000, '2024-10-01', '2025-09-30'),
    plan('esh-2024-010', 'regional-council', 'Eshkol Regional Council', 'Kindergarten reconstruction programme', 'education', { communityIds: ['beeri', 'nir-oz', 'nirim'] }, 25_000_000, '2025-01-01', '2026-12-31'),
    plan('hof-2024-004', 'regional-council', 'Hof Ashkelon Regional Council', 'Security components for community entrances', 'security', { regionalCouncil: 'Hof Ashkelon' }, 8_000_000, '2024-07-01', '2025-06-30'),
    plan('moe-2024-021', 'ministry', 'Ministry of Education', 'Youth movement activity grants', 'culture-and-youth', { regionalCouncil: "Sha'ar HaNegev" }, 4_000_000, '2024-09-01', '2025-08-31'),
  ];
}
