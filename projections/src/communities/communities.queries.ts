import type { Database } from 'better-sqlite3';
import { PageRequest, pagedSelect } from '../runner/page-request';
import { Row } from '../runner/row';

export interface CommunityView {
  id: string;
  name: string;
  nameHe?: string;
  aliases: string[];
  kind: string;
  settlementType: string;
  regionalCouncil?: string;
  country: string;
  activePairingIds: string[];
  residentsReturned?: { date: string; count?: number };
  registeredAt: string;
}

export interface CommunityFilter {
  kind?: string;
  regionalCouncil?: string;
}

export function listCommunities(db: Database, filter: CommunityFilter, page: PageRequest): CommunityView[] {
  const { sql, params } = pagedSelect('communities', 'community_id', [['kind = ?', filter.kind], ['regional_council = ?', filter.regionalCouncil]], page);
  const rows = db.prepare(sql).all(...params) as Row[];
  return rows.map((r) => ({
    id: r.community_id,
    name: r.name,
    ...(r.name_he ? { nameHe: r.name_he } : {}),
    aliases: JSON.parse(r.aliases),
    kind: r.kind,
    settlementType: r.settlement_type,
    ...(r.regional_council ? { regionalCouncil: r.regional_council } : {}),
    country: r.country,
    activePairingIds: JSON.parse(r.active_pairings),
    ...(r.residents_returned_on
      ? { residentsReturned: { date: r.residents_returned_on, ...(r.residents_returned_count ? { count: r.residents_returned_count } : {}) } }
      : {}),
    registeredAt: r.registered_at,
  }));
}
