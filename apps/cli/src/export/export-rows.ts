import type { Database } from 'better-sqlite3';
import { fundingReport, listCommunities, listNeeds, listPairings, listPlans } from '@c2g/projections';

export const EXPORTABLE = ['communities', 'plans', 'pairings', 'needs', 'funding'] as const;
export type Exportable = (typeof EXPORTABLE)[number];

const ALL = { limit: Number.MAX_SAFE_INTEGER - 1 };

/** The rows of one read model, as the API would list them. */
export function exportRows(model: Exportable, db: (name: string) => Database, terms: { teamSeatsPerSide: number }): object[] {
  switch (model) {
    case 'communities':
      return listCommunities(db('communities'), {}, ALL);
    case 'plans':
      return listPlans(db('plans'), {}, ALL);
    case 'pairings':
      return listPairings(db('pairings'), {}, ALL, terms);
    case 'needs':
      return listNeeds(db('needs-board'), {}, ALL);
    case 'funding':
      return fundingReport(db('funding-ledger')).pairings.flatMap(({ years, ...pairing }) =>
        (years as object[]).map((year) => ({ ...pairing, ...year })),
      );
  }
}
