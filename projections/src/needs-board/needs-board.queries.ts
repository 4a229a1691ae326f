import type { Database } from 'better-sqlite3';
import { PageRequest, pagedSelect } from '../runner/page-request';
import { money, Row } from '../runner/row';

export interface NeedFilter {
  communityId?: string;
  pairingId?: string;
  sector?: string;
  horizon?: string;
  status?: string;
}

export function listNeeds(db: Database, filter: NeedFilter, page: PageRequest) {
  const { sql, params } = pagedSelect(
    'needs',
    'need_id',
    [
      ['community_id = ?', filter.communityId],
      ['pairing_id = ?', filter.pairingId],
      ['sector = ?', filter.sector],
      ['horizon = ?', filter.horizon],
      ['status = ?', filter.status],
    ],
    page,
  );
  const funding = db.prepare('SELECT currency, pledged, disbursed FROM need_funding WHERE need_id = ? ORDER BY currency');
  return (db.prepare(sql).all(...params) as Row[]).map((r) => ({
    id: r.need_id,
    pairingId: r.pairing_id,
    communityId: r.community_id,
    title: r.title,
    description: r.description,
    sector: r.sector,
    horizon: r.horizon,
    status: r.status,
    estimatedCost: money(r.cost_amount, r.cost_currency),
    window: { from: r.window_from, to: r.window_to },
    ...(r.quantity !== null ? { quantity: r.quantity } : {}),
    /** Per currency: amounts in different currencies are not added up. */
    funding: (funding.all(r.need_id) as Row[]).map((f) => ({
      pledged: money(f.pledged, f.currency),
      disbursed: money(f.disbursed, f.currency),
    })),
    recordedAt: r.recorded_at,
    updatedAt: r.updated_at,
  }));
}
