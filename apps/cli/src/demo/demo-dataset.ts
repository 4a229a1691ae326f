import { GLOBAL_COMMUNITIES, ISRAELI_COMMUNITIES } from './demo-communities';

/** One request of the demo, sent through the real HTTP command path. */
export interface DemoRequest {
  url: string;
  body?: unknown;
}

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
  for (const [id, name, nameHe, settlementType, regionalCouncil, aliases] of ISRAELI_COMMUNITIES) {
    requests.push({ url: '/communities', body: { id, name, nameHe, aliases, kind: 'israeli', settlementType, regionalCouncil, country: 'IL' } });
  }
  for (const [id, name, country] of GLOBAL_COMMUNITIES) {
    requests.push({ url: '/communities', body: { id, name, kind: 'global', settlementType: 'federation', country } });
  }
  requests.push(...demoPlans());
  ISRAELI_COMMUNITIES.forEach(([communityId], i) => requests.push(...demoPairing(communityId, GLOBAL_COMMUNITIES[i % GLOBAL_COMMUNITIES.length][0], i)));
  return requests;
}

function demoPairing(israeliId: string, globalId: string, i: number): DemoRequest[] {
  const pairingId = `${israeliId}-${globalId}`;
  const at = `/pairings/${pairingId}`;
  const target = PHASES[i % PHASES.length];
  const requests: DemoRequest[] = [{
    url: '/pairings',
    body: {
      id: pairingId, israeliCommunityId: israeliId, globalCommunityId: globalId,
      partnershipType: (['new', 'additional', 'existing'] as const)[i % 3],
      commitment: { annual: usd(250_000 + (i % 4) * 25_000), years: 3 + (i % 2), startDate: '2024-07-01' },
    },
  }];
  const teamSize = target === 'formation' ? 4 : 6;
  (['israeli', 'global', 'agency'] as const).forEach((side, s) => {
    for (let n = 1; n <= 2 && s * 2 + n <= teamSize; n += 1) {
      requests.push({ url: `${at}/team-members`, body: { id: `${pairingId}-${side}-${n}`, side, role: n === 1 ? 'coordinator' : 'member', person: { name: `${side} representative ${n} of ${israeliId}` } } });
    }
  });
  if (target === 'formation') return requests;
  requests.push({ url: `${at}/phase`, body: { to: 'immediate-relief', reason: 'joint team complete' } });
  NEEDS.slice(0, 2 + (i % 4)).forEach(([title, sector, horizon, dollars, from, to], n) => {
    requests.push({ url: '/needs', body: { id: `${israeliId}-need-${n + 1}`, pairingId, title, description: `${title} — ${israeliId}`, sector, horizon, estimatedCost: usd(dollars), window: { from, to } } });
  });
  requests.push({ url: `${at}/pledges`, body: { id: `${pairingId}-y1`, year: 1, amount: usd(200_000) } });
  requests.push({ url: `${at}/pledges`, body: { id: `${pairingId}-y1-mattresses`, year: 1, amount: usd(36_000), needId: `${israeliId}-need-1` } });
  requests.push({ url: `${at}/disbursements`, body: { pledgeId: `${pairingId}-y1-mattresses`, amount: usd(36_000), needId: `${israeliId}-need-1` } });
  requests.push({ url: `/needs/${israeliId}-need-1/fulfilment`, body: { note: 'delivered' } });
  requests.push({ url: `${at}/disbursements`, body: { pledgeId: `${pairingId}-y1`, amount: usd(50_000 + i * 1_000) } });
  if (target === 'immediate-relief') return requests;
  requests.push({ url: `${at}/road-map`, body: { milestones: [
    { title: 'Resilience centre staffed', sector: 'health-and-mental-health', targetDate: '2025-09-01', budget: usd(240_000) },
    { title: 'Kindergarten rebuilt', sector: 'education', targetDate: '2026-09-01', budget: usd(400_000) },
  ] } });
  requests.push({ url: `${at}/phase`, body: { to: 'road-map', reason: 'planning the recovery' } });
  requests.push({ url: `${at}/pledges`, body: { id: `${pairingId}-y2`, year: 2, amount: usd(250_000) } });
  if (target === 'road-map') return requests;
  requests.push({ url: `${at}/phase`, body: { to: 'recovery', reason: 'road map approved, residents returning' } });
  requests.push({ url: `/communities/${israeliId}/residents-returned`, body: { date: '2025-03-01', count: 150 + i * 10 } });
  return requests;
}

function demoPlans(): DemoRequest[] {
  const plan = (id: string, source: string, authority: string, title: string, sector: string, coverage: object, shekels: number, from: string, to: string) => ({
    url: '/plans',
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
