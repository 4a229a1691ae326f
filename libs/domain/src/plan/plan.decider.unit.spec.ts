import { DeciderSpecification } from '../testing/decider-specification';
import { defaultProgramTerms } from '../program-terms';
import { planDecider } from './plan.decider';
import { PlanEvent } from './plan.events';

const spec = DeciderSpecification.for(planDecider(defaultProgramTerms));
const caravans = {
  planId: 'tkm-14', source: 'tekuma' as const, authority: 'Tekuma Authority', externalRef: 'TKM-2025-014',
  title: 'Temporary housing', description: '40 caravans', sector: 'housing', regionalCouncil: 'Eshkol',
  window: { from: '2025-01-01', to: '2025-12-31' }, budget: { amount: 1_200_000_000, currency: 'ILS' },
};
const registered: PlanEvent = { type: 'PlanRegistered', data: caravans };

describe('plans', () => {
  it('register with communities or a regional council as coverage', () => {
    spec.given([]).when({ type: 'RegisterPlan', data: caravans }).then([registered]);
    const { regionalCouncil: _none, ...uncovered } = caravans;
    spec.given([]).when({ type: 'RegisterPlan', data: uncovered }).thenThrows('plan-coverage-missing');
  });

  it('register idempotently, and refuse a different plan with the same id', () => {
    spec.given([registered]).when({ type: 'RegisterPlan', data: caravans }).then([]);
    spec.given([registered]).when({ type: 'RegisterPlan', data: { ...caravans, title: 'x' } }).thenThrows('plan-already-exists');
  });

  it('are revised and withdrawn; a withdrawn plan no longer changes', () => {
    spec.given([registered]).when({ type: 'RevisePlan', data: { changes: { title: 'Caravans' } } }).then([{ type: 'PlanRevised', data: { planId: 'tkm-14', changes: { title: 'Caravans' } } }]);
    const withdrawn: PlanEvent = { type: 'PlanWithdrawn', data: { planId: 'tkm-14', reason: 'merged' } };
    spec.given([registered]).when({ type: 'WithdrawPlan', data: { reason: 'merged' } }).then([withdrawn]);
    spec.given([registered, withdrawn]).when({ type: 'RevisePlan', data: { changes: { title: 'y' } } }).thenThrows('plan-withdrawn');
  });

  it('refuse an unknown sector on revision too', () => {
    spec.given([registered]).when({ type: 'RevisePlan', data: { changes: { sector: 'nope' } } }).thenThrows('sector-unknown');
  });
});
