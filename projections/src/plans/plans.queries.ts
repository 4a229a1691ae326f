import type { Database } from 'better-sqlite3';
import { PageRequest, pagedSelect } from '../runner/page-request';
import { money, Row } from '../runner/row';

export interface PlanFilter {
  source?: string;
  sector?: string;
  status?: string;
  communityId?: string;
  regionalCouncil?: string;
}

export function listPlans(db: Database, filter: PlanFilter, page: PageRequest) {
  const { sql, params } = pagedSelect(
    'plans',
    'plan_id',
    [
      ['source = ?', filter.source],
      ['sector = ?', filter.sector],
      ['status = ?', filter.status],
      ['regional_council = ?', filter.regionalCouncil],
      ['EXISTS (SELECT 1 FROM json_each(community_ids) WHERE value = ?)', filter.communityId],
    ],
    page,
  );
  return (db.prepare(sql).all(...params) as Row[]).map(planView);
}

export function planView(r: Row) {
  const communityIds: string[] = JSON.parse(r.community_ids);
  return {
    id: r.plan_id,
    source: r.source,
    authority: r.authority,
    externalRef: r.external_ref,
    title: r.title,
    description: r.description,
    sector: r.sector,
    ...(communityIds.length ? { communityIds } : {}),
    ...(r.regional_council ? { regionalCouncil: r.regional_council } : {}),
    window: { from: r.window_from, to: r.window_to },
    budget: money(r.budget_amount, r.budget_currency),
    status: r.status,
    registeredAt: r.registered_at,
  };
}
