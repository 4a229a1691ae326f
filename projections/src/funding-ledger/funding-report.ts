import type { Database } from 'better-sqlite3';
import { money, Row } from '../runner/row';

type Totals = { committed: number; pledged: number; disbursed: number };

const asMoney = (t: Row, currency: string) => ({
  committed: money(t.committed, currency),
  pledged: money(t.pledged, currency),
  disbursed: money(t.disbursed, currency),
});

/**
 * Committed vs pledged vs disbursed per pairing and program year, per global community and
 * for the whole program. Totals are per currency: different currencies are never added.
 */
export function fundingReport(db: Database, filter: { pairingId?: string; globalCommunityId?: string } = {}) {
  const pairings = db
    .prepare(
      `SELECT p.pairing_id, p.israeli_community_id, p.global_community_id, p.currency, y.year, y.committed, y.pledged, y.disbursed
       FROM ledger_pairings p JOIN ledger_years y USING (pairing_id)
       WHERE (@pairingId IS NULL OR p.pairing_id = @pairingId) AND (@globalCommunityId IS NULL OR p.global_community_id = @globalCommunityId)
       ORDER BY p.pairing_id, y.year`,
    )
    .all({ pairingId: filter.pairingId ?? null, globalCommunityId: filter.globalCommunityId ?? null }) as Row[];

  type Entry = { pairingId: string; israeliCommunityId: string; globalCommunityId: string; years: object[]; total: Totals; currency: string };
  const byPairing = new Map<string, Entry>();
  for (const r of pairings) {
    const entry: Entry = byPairing.get(r.pairing_id) ?? {
      pairingId: r.pairing_id, israeliCommunityId: r.israeli_community_id, globalCommunityId: r.global_community_id,
      years: [], total: { committed: 0, pledged: 0, disbursed: 0 }, currency: r.currency,
    };
    entry.years.push({ year: r.year, ...asMoney(r, r.currency) });
    for (const k of ['committed', 'pledged', 'disbursed'] as const) entry.total[k] += r[k];
    byPairing.set(r.pairing_id, entry);
  }

  const sumBy = (key: (e: { globalCommunityId: string; currency: string }) => string) => {
    const sums = new Map<string, Totals & { currency: string; label: string }>();
    for (const e of byPairing.values()) {
      const id = `${key(e)}|${e.currency}`;
      const s = sums.get(id) ?? { label: key(e), currency: e.currency, committed: 0, pledged: 0, disbursed: 0 };
      for (const k of ['committed', 'pledged', 'disbursed'] as const) s[k] += e.total[k];
      sums.set(id, s);
    }
    return [...sums.values()];
  };

  return {
    pairings: [...byPairing.values()].map(({ total, currency, ...e }) => ({ ...e, total: asMoney(total, currency) })),
    globalCommunities: sumBy((e) => e.globalCommunityId).map((s) => ({ globalCommunityId: s.label, ...asMoney(s, s.currency) })),
    program: sumBy(() => 'program').map((s) => asMoney(s, s.currency)),
  };
}
