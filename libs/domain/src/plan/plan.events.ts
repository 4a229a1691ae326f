import { DateWindow } from '../shared/date-window';
import { Money } from '../shared/money';

export type PlanSource = 'tekuma' | 'municipality' | 'regional-council' | 'ministry';

export interface PlanDetails {
  title: string;
  description: string;
  sector: string;
  /** Communities covered directly; a regional council covers each of its communities. */
  communityIds?: string[];
  regionalCouncil?: string;
  window: DateWindow;
  budget: Money;
}

export type PlanEvent =
  | { type: 'PlanRegistered'; data: PlanDetails & { planId: string; source: PlanSource; authority: string; externalRef: string } }
  | { type: 'PlanRevised'; data: { planId: string; changes: Partial<PlanDetails> } }
  | { type: 'PlanWithdrawn'; data: { planId: string; reason: string } };

export const planStreamId = (planId: string) => `plan-${planId}`;
