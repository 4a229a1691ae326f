import type { Database } from 'better-sqlite3';
import { Row } from '../runner/row';

export interface CoverageTerms {
  teamSeatsPerSide: number;
  /** A phase unchanged for longer than this is "stalled". */
  stalledAfterDays: number;
}

export type CoverageReason = 'no-pairing' | 'incomplete-team' | 'stalled-phase' | 'unfunded-urgent-needs';

/**
 * "No community left behind": every Israeli community with the reasons it may be left
 * behind, as of `today` (an ISO date; the report's clock, passed in so as-of answers agree).
 * An urgent need is unfunded while less than its cost is pledged in its own currency and
 * nothing in another (currencies are never compared without a rate table).
 */
export function coverageReport(db: Database, terms: CoverageTerms, today: string) {
  const communities = db.prepare('SELECT * FROM cov_communities ORDER BY community_id').all() as Row[];
  const pairingOf = db.prepare('SELECT * FROM cov_pairings WHERE community_id = ? AND active = 1 ORDER BY pairing_id LIMIT 1');
  const teamOf = db.prepare('SELECT side, count(*) AS n FROM cov_team WHERE pairing_id = ? GROUP BY side');
  const unfunded = db.prepare(
    `SELECT n.need_id FROM cov_needs n
     WHERE n.community_id = ? AND n.status = 'open' AND n.horizon = 'immediate'
       AND coalesce((SELECT amount FROM cov_need_pledges p WHERE p.need_id = n.need_id AND p.currency = n.cost_currency), 0) < n.cost_amount
       AND NOT EXISTS (SELECT 1 FROM cov_need_pledges p WHERE p.need_id = n.need_id AND p.currency <> n.cost_currency)
     ORDER BY n.need_id`,
  );
  const stalledBefore = new Date(Date.parse(`${today.slice(0, 10)}T00:00:00Z`) - terms.stalledAfterDays * 86_400_000).toISOString();

  const rows = communities.map((c) => {
    const reasons: CoverageReason[] = [];
    const pairing = pairingOf.get(c.community_id) as Row | undefined;
    const team = pairing ? Object.fromEntries((teamOf.all(pairing.pairing_id) as Row[]).map((t) => [t.side, t.n])) : {};
    if (!pairing) reasons.push('no-pairing');
    else {
      if (['israeli', 'global', 'agency'].some((side) => (team[side] ?? 0) < terms.teamSeatsPerSide)) reasons.push('incomplete-team');
      if (pairing.phase_since < stalledBefore) reasons.push('stalled-phase');
    }
    const urgent = (unfunded.all(c.community_id) as Row[]).map((n) => n.need_id as string);
    if (urgent.length) reasons.push('unfunded-urgent-needs');
    return {
      communityId: c.community_id,
      name: c.name,
      ...(c.regional_council ? { regionalCouncil: c.regional_council } : {}),
      ...(pairing ? { pairingId: pairing.pairing_id, phase: pairing.phase, phaseSince: pairing.phase_since } : {}),
      team: { israeli: team.israeli ?? 0, global: team.global ?? 0, agency: team.agency ?? 0 },
      unfundedUrgentNeedIds: urgent,
      reasons,
    };
  });
  return { asOfDate: today.slice(0, 10), leftBehind: rows.filter((r) => r.reasons.length > 0), covered: rows.filter((r) => r.reasons.length === 0) };
}
