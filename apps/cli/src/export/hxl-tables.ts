import type { Database } from 'better-sqlite3';
import { listCommunities, listNeeds, listPairings, listPlans } from '@c2g/projections';
import { HxlColumn, majorUnits, toHxl } from './to-hxl';

const ALL = { limit: Number.MAX_SAFE_INTEGER - 1 };
type Need = ReturnType<typeof listNeeds>[number];
type Plan = ReturnType<typeof listPlans>[number];

/**
 * Who does what, where, when (3W): needs with their funder (the global community), the
 * community and its regional council; plans with their authority and coverage.
 */
export function hxlTable(model: 'needs' | 'plans', db: (name: string) => Database): string {
  const communities = new Map(listCommunities(db('communities'), {}, ALL).map((c) => [c.id, c]));
  if (model === 'plans') {
    const columns: HxlColumn<Plan>[] = [
      ['Plan id', '#meta+id', (p) => p.id],
      ['Authority', '#org+funder', (p) => p.authority],
      ['Source', '#org+impl+type', (p) => p.source],
      ['Sector', '#sector', (p) => p.sector],
      ['Regional council', '#adm1+name', (p) => p.regionalCouncil],
      ['Communities', '#loc+name', (p) => (p.communityIds ?? []).map((id) => communities.get(id)?.name ?? id).join('; ')],
      ['Title', '#activity+name', (p) => p.title],
      ['Status', '#status', (p) => p.status],
      ['Start', '#date+start', (p) => p.window.from],
      ['End', '#date+end', (p) => p.window.to],
      ['Budget', '#value', (p) => majorUnits(p.budget.amount)],
      ['Currency', '#currency', (p) => p.budget.currency],
    ];
    return toHxl(listPlans(db('plans'), {}, ALL), columns);
  }
  const pairings = new Map(listPairings(db('pairings'), {}, ALL, { teamSeatsPerSide: 2 }).map((p) => [p.id, p]));
  const funderOf = (need: Need) => {
    const globalId = pairings.get(need.pairingId)?.globalCommunityId;
    return globalId ? (communities.get(globalId)?.name ?? globalId) : '';
  };
  const columns: HxlColumn<Need>[] = [
    ['Need id', '#meta+id', (n) => n.id],
    ['Funder', '#org+funder', funderOf],
    ['Implementer', '#org+impl', (n) => `Joint team ${n.pairingId}`],
    ['Sector', '#sector', (n) => n.sector],
    ['Regional council', '#adm1+name', (n) => communities.get(n.communityId)?.regionalCouncil],
    ['Community', '#loc+name', (n) => communities.get(n.communityId)?.name ?? n.communityId],
    ['Community (Hebrew)', '#loc+name+i_he', (n) => communities.get(n.communityId)?.nameHe],
    ['Need', '#activity+name', (n) => n.title],
    ['Horizon', '#activity+type', (n) => n.horizon],
    ['Status', '#status', (n) => n.status],
    ['Start', '#date+start', (n) => n.window.from],
    ['End', '#date+end', (n) => n.window.to],
    ['Estimated cost', '#value', (n) => majorUnits(n.estimatedCost.amount)],
    ['Currency', '#currency', (n) => n.estimatedCost.currency],
  ];
  return toHxl(listNeeds(db('needs-board'), {}, ALL), columns);
}
