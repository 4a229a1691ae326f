import { PlanDetails, PlanEvent } from './plan.events';

export type PlanCommand =
  | { type: 'RegisterPlan'; data: Extract<PlanEvent, { type: 'PlanRegistered' }>['data'] }
  | { type: 'RevisePlan'; data: { changes: Partial<PlanDetails> } }
  | { type: 'WithdrawPlan'; data: { reason: string } };
