import { DeciderSpecification } from '../testing/decider-specification';
import { defaultProgramTerms } from '../program-terms';
import { planDecider } from './plan.decider';
import { PlanEvent, planStreamId } from './plan.events';

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

describe('plan checks', () => {
  it('refuse a budget of nothing', () => {
    spec.given([]).when({ type: 'RegisterPlan', data: { ...caravans, budget: { amount: 0, currency: 'ILS' } } }).thenThrows('amount-not-positive');
  });

  it('accept communities instead of a regional council as coverage', () => {
    const { regionalCouncil: _none, ...uncovered } = caravans;
    const data = { ...uncovered, communityIds: ['kfar-aza'] };
    spec.given([]).when({ type: 'RegisterPlan', data }).then([{ type: 'PlanRegistered', data }]);
    spec.given([]).when({ type: 'RegisterPlan', data: { ...uncovered, communityIds: [] } }).thenThrows('plan-coverage-missing');
  });

  it('refuse a revision that changes nothing', () => {
    spec.given([registered]).when({ type: 'RevisePlan', data: { changes: {} } }).thenThrows('nothing-to-revise');
  });

  it('refuse changes to a plan that does not exist', () => {
    spec.given([]).when({ type: 'RevisePlan', data: { changes: { title: 'y' } } }).thenThrows('plan-not-found');
    spec.given([]).when({ type: 'WithdrawPlan', data: { reason: 'merged' } }).thenThrows('plan-not-found');
  });

  it('compare a repeated registration with the plan as revised since', () => {
    const revised: PlanEvent = { type: 'PlanRevised', data: { planId: 'tkm-14', changes: { title: 'Caravans' } } };
    spec.given([registered, revised]).when({ type: 'RegisterPlan', data: { ...caravans, title: 'Caravans' } }).then([]);
    spec.given([registered, revised]).when({ type: 'RegisterPlan', data: caravans }).thenThrows('plan-already-exists');
  });
});

describe('plan streams', () => {
  it('are named plan-<id>', () => {
    expect(planStreamId('tkm-14')).toBe('plan-tkm-14');
  });

  it('ignore event types the decider does not know when folding', () => {
    const unknown = { type: 'SomethingFromTheFuture', data: {} } as unknown as PlanEvent;
    spec.given([registered, unknown]).when({ type: 'RegisterPlan', data: caravans }).then([]);
  });
});
