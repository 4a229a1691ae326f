import { readFileSync } from 'node:fs';

type Money = { amount: number; currency: string };
type Window = { from: string; to: string };

/** A labelled set of duplicate efforts (format c2g-duplicates/1, see shared/fixtures/README.md). */
export interface LabelledSet {
  format: 'c2g-duplicates/1';
  fx: Record<string, number>;
  communities: { id: string; name: string; nameHe?: string; aliases?: string[]; kind: string; settlementType: string; regionalCouncil?: string; country: string }[];
  pairings: { id: string; israeliCommunityId: string; globalCommunityId: string; partnershipType: string; commitment: { annual: Money; years: number; startDate: string } }[];
  plans: { id: string; source: string; authority: string; externalRef: string; title: string; description: string; sector: string; communityIds?: string[]; regionalCouncil?: string; window: Window; budget: Money }[];
  needs: { id: string; pairingId: string; title: string; description: string; sector: string; horizon: string; estimatedCost: Money; window: Window }[];
  duplicates: { kind: 'need-plan' | 'need-need'; a: string; b: string }[];
}

export function readLabelledSet(file: string): LabelledSet {
  const set = JSON.parse(readFileSync(file, 'utf8')) as LabelledSet;
  if (set.format !== 'c2g-duplicates/1') throw new Error(`${file} is not a c2g-duplicates/1 file (format: ${String(set.format)})`);
  for (const list of ['communities', 'pairings', 'plans', 'needs', 'duplicates'] as const) {
    if (!Array.isArray(set[list])) throw new Error(`${file} has no "${list}" list`);
  }
  return set;
}
