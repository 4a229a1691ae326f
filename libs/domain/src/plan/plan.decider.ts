import { sameData } from '../shared/same-data';
import { Decider } from '../decider/decider';
import { ProgramRuleError } from '../decider/program-rule-error';
import { assertSector, ProgramTerms } from '../program-terms';
import { assertPositive } from '../shared/money';
import { PlanCommand } from './plan.commands';
import { PlanDetails, PlanEvent } from './plan.events';

export interface PlanState {
  registered?: Extract<PlanEvent, { type: 'PlanRegistered' }>['data'];
  withdrawn: boolean;
}

const initialState = (): PlanState => ({ withdrawn: false });

function evolve(state: PlanState, event: PlanEvent): PlanState {
  switch (event.type) {
    case 'PlanRegistered':
      return { ...state, registered: event.data };
    case 'PlanRevised':
      return state.registered ? { ...state, registered: { ...state.registered, ...event.data.changes } } : state;
    case 'PlanWithdrawn':
      return { ...state, withdrawn: true };
    default:
      return state;
  }
}

function checkDetails(terms: ProgramTerms, details: Partial<PlanDetails>): void {
  if (details.sector !== undefined) assertSector(terms, details.sector);
  if (details.budget !== undefined) assertPositive(details.budget, 'a plan budget');
}

export function planDecider(terms: ProgramTerms): Decider<PlanCommand, PlanEvent, PlanState> {
  function decide(command: PlanCommand, state: PlanState): PlanEvent[] {
    if (command.type === 'RegisterPlan') {
      if (state.registered) {
        if (sameData(state.registered, command.data)) return [];
        throw new ProgramRuleError('plan-already-exists', `plan ${command.data.planId} already exists`);
      }
      if (!command.data.communityIds?.length && !command.data.regionalCouncil) {
        throw new ProgramRuleError('plan-coverage-missing', 'a plan covers communityIds or a regionalCouncil');
      }
      checkDetails(terms, command.data);
      return [{ type: 'PlanRegistered', data: command.data }];
    }
    const plan = state.registered;
    if (!plan) throw new ProgramRuleError('plan-not-found', 'no such plan');
    if (state.withdrawn) throw new ProgramRuleError('plan-withdrawn', `plan ${plan.planId} was withdrawn`);
    if (command.type === 'WithdrawPlan') {
      return [{ type: 'PlanWithdrawn', data: { planId: plan.planId, reason: command.data.reason } }];
    }
    if (Object.keys(command.data.changes).length === 0) {
      throw new ProgramRuleError('nothing-to-revise', 'a revision must change at least one field');
    }
    checkDetails(terms, command.data.changes);
    return [{ type: 'PlanRevised', data: { planId: plan.planId, changes: command.data.changes } }];
  }
  return { decide, evolve, initialState };
}
