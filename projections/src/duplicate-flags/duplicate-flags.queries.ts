import type { Database } from 'better-sqlite3';
import { PageRequest, pagedSelect } from '../runner/page-request';
import { Row } from '../runner/row';

export interface DuplicateFlagFilter {
  status?: string;
  kind?: string;
  communityId?: string;
}

export function flagView(r: Row) {
  return {
    id: r.flag_id as string,
    kind: r.kind as string,
    status: r.status as string,
    score: r.score as number,
    reasons: JSON.parse(r.reasons) as string[],
    needId: r.a_id as string,
    ...(r.kind === 'need-plan' ? { planId: r.b_id } : r.kind === 'need-need' ? { otherNeedId: r.b_id } : {}),
    communityId: r.community_id as string,
    sector: r.sector as string,
    ...(r.decision ? { resolution: { decision: r.decision, note: r.note, reviewer: r.reviewer } } : {}),
    raisedAt: r.raised_at as string,
  };
}

export function listDuplicateFlags(db: Database, filter: DuplicateFlagFilter, page: PageRequest) {
  const { sql, params } = pagedSelect(
    'dup_flags',
    'flag_id',
    [
      ['status = ?', filter.status],
      ['kind = ?', filter.kind],
      ['community_id = ?', filter.communityId],
    ],
    page,
  );
  return (db.prepare(sql).all(...params) as Row[]).map(flagView);
}

export function getDuplicateFlag(db: Database, flagId: string) {
  const row = db.prepare('SELECT * FROM dup_flags WHERE flag_id = ?').get(flagId) as Row | undefined;
  return row && flagView(row);
}
