import type { Database } from 'better-sqlite3';
import { PageRequest, pagedSelect } from '../runner/page-request';
import { money, Row } from '../runner/row';

export interface PairingFilter {
  phase?: string;
  israeliCommunityId?: string;
  globalCommunityId?: string;
}

/** Seats per side of a complete joint team, from the program terms. */
export interface TeamTerms {
  teamSeatsPerSide: number;
}

export function listPairings(db: Database, filter: PairingFilter, page: PageRequest, terms: TeamTerms) {
  const { sql, params } = pagedSelect(
    'pairings',
    'pairing_id',
    [
      ['phase = ?', filter.phase],
      ['israeli_community_id = ?', filter.israeliCommunityId],
      ['global_community_id = ?', filter.globalCommunityId],
    ],
    page,
  );
  return (db.prepare(sql).all(...params) as Row[]).map((row) => pairingView(db, row, terms));
}

export function getPairing(db: Database, pairingId: string, terms: TeamTerms) {
  const row = db.prepare('SELECT * FROM pairings WHERE pairing_id = ?').get(pairingId) as Row | undefined;
  return row && pairingView(db, row, terms);
}

function pairingView(db: Database, r: Row, terms: TeamTerms) {
  const members = db.prepare('SELECT member_id, side, role, person_id FROM team_members WHERE pairing_id = ? ORDER BY member_id').all(r.pairing_id) as Row[];
  const bySide = Object.fromEntries(['israeli', 'global', 'agency'].map((side) => [side, members.filter((m) => m.side === side).length]));
  const years = db
    .prepare('SELECT year, sum(amount) AS pledged, sum(disbursed) AS disbursed FROM pledges WHERE pairing_id = ? GROUP BY year ORDER BY year')
    .all(r.pairing_id) as Row[];
  const needs = db.prepare(`SELECT count(*) AS open FROM pairing_needs WHERE pairing_id = ? AND status = 'open'`).get(r.pairing_id) as Row;
  return {
    id: r.pairing_id,
    israeliCommunityId: r.israeli_community_id,
    globalCommunityId: r.global_community_id,
    partnershipType: r.partnership_type,
    phase: r.phase,
    phaseSince: r.phase_since,
    commitment: { annual: money(r.annual_amount, r.currency), years: r.years, startDate: r.start_date },
    team: {
      complete: Object.values(bySide).every((n) => n >= terms.teamSeatsPerSide),
      bySide,
      members: members.map((m) => ({ id: m.member_id, side: m.side, role: m.role, personId: m.person_id })),
    },
    funding: Array.from({ length: r.years }, (_, i) => {
      const year = years.find((y) => y.year === i + 1);
      return {
        year: i + 1,
        committed: money(r.annual_amount, r.currency),
        pledged: money(year?.pledged ?? 0, r.currency),
        disbursed: money(year?.disbursed ?? 0, r.currency),
      };
    }),
    roadMap: r.road_map ? { approved: true, milestones: JSON.parse(r.road_map) } : { approved: false },
    openNeeds: needs.open as number,
    createdAt: r.created_at,
  };
}
