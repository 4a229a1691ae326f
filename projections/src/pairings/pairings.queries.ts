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

/** Every pledge and disbursement of a pairing with its date: the transactions of reports such as IATI. */
export function pairingTransactions(db: Database, pairingId: string) {
  const pledges = db.prepare('SELECT pledge_id, year, amount, currency, need_id, pledged_at FROM pledges WHERE pairing_id = ? ORDER BY pledged_at, pledge_id').all(pairingId) as Row[];
  const disbursements = db
    .prepare('SELECT disbursement_id, pledge_id, amount, currency, need_id, disbursed_at FROM disbursements WHERE pairing_id = ? ORDER BY disbursed_at, disbursement_id')
    .all(pairingId) as Row[];
  return {
    pledges: pledges.map((p) => ({ id: p.pledge_id, year: p.year, amount: money(p.amount, p.currency), needId: p.need_id ?? undefined, date: p.pledged_at })),
    disbursements: disbursements.map((d) => ({ id: d.disbursement_id, pledgeId: d.pledge_id, amount: money(d.amount, d.currency), needId: d.need_id ?? undefined, date: d.disbursed_at })),
  };
}
