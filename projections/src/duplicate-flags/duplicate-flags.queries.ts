import type { Database } from 'better-sqlite3';
import { PageRequest, pagedSelect } from '../runner/page-request';
import { Row } from '../runner/row';
import { DEFAULT_RATES } from './duplicate-flags.projection';
import { flagId } from './flag-id';
import { PairScorer } from './pair-scorer';

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

/**
 * What the detector makes of one pair now, flagged or not: its score and reasons, or why it is
 * not a candidate at all (another community or sector, a closed item, windows apart). For a
 * reviewer asking why a pair was missed, and for reporting a missed duplicate.
 */
export function explainDuplicatePair(db: Database, kind: 'need-plan' | 'need-need', needId: string, otherId: string) {
  const need = db.prepare('SELECT * FROM dup_needs WHERE need_id = ?').get(needId) as Row | undefined;
  const other = db.prepare(kind === 'need-plan' ? 'SELECT * FROM dup_plans WHERE plan_id = ?' : 'SELECT * FROM dup_needs WHERE need_id = ?').get(otherId) as Row | undefined;
  if (!need || !other) return undefined;
  const [a, b] = kind === 'need-need' ? [needId, otherId].sort() : [needId, otherId];
  const id = flagId(kind, a, b);
  const notCandidate = (reason: string) => ({ flagId: id, kind, needId, otherId, candidate: false, duplicate: false, score: 0, reasons: [reason] });
  if (need.sector !== other.sector) return notCandidate(`different sectors: ${need.sector} / ${other.sector}`);
  if (!need.open || !other.open) return notCandidate('one of the two is closed or withdrawn');
  // As the detector's candidate queries (flag-raiser.ts): windows must overlap.
  if (need.window_from > other.window_to || other.window_from > need.window_to) return notCandidate(`windows apart: ${need.window_from}–${need.window_to} / ${other.window_from}–${other.window_to}`);
  if (kind === 'need-need' && need.community_id !== other.community_id) return notCandidate('different communities');
  if (kind === 'need-plan') {
    const covered = db.prepare(`SELECT 1 FROM dup_plan_communities WHERE plan_id = ? AND community_id = ?
      UNION SELECT 1 FROM dup_communities c WHERE c.community_id = ? AND c.regional_council IS NOT NULL AND c.regional_council = ?`)
      .get(otherId, need.community_id, need.community_id, other.regional_council ?? null);
    if (!covered) return notCandidate('the plan does not cover the need\'s community');
  }
  const result = new PairScorer(db, DEFAULT_RATES).score(need, other);
  return { flagId: id, kind, needId, otherId, candidate: true, communityId: need.community_id as string, sector: need.sector as string,
    wordings: [need.title, other.title] as [string, string], ...result };
}
