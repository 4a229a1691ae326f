import { sameData } from '../shared/same-data';
import { Decider } from '../decider/decider';
import { ProgramRuleError } from '../decider/program-rule-error';
import { assertSector, ProgramTerms } from '../program-terms';
import { assertPositive } from '../shared/money';
import { NeedCommand } from './need.commands';
import { NeedDetails, NeedEvent } from './need.events';

export interface NeedState {
  recorded?: Extract<NeedEvent, { type: 'NeedRecorded' }>['data'];
  status: 'open' | 'fulfilled' | 'cancelled';
}

const initialState = (): NeedState => ({ status: 'open' });

function evolve(state: NeedState, event: NeedEvent): NeedState {
  switch (event.type) {
    case 'NeedRecorded':
      return { ...state, recorded: event.data };
    case 'NeedRevised':
      return state.recorded ? { ...state, recorded: { ...state.recorded, ...event.data.changes } } : state;
    case 'NeedFulfilled':
      return { ...state, status: 'fulfilled' };
    case 'NeedCancelled':
      return { ...state, status: 'cancelled' };
    default:
      return state;
  }
}

function checkDetails(terms: ProgramTerms, details: Partial<NeedDetails>): void {
  if (details.sector !== undefined) assertSector(terms, details.sector);
  if (details.estimatedCost !== undefined) assertPositive(details.estimatedCost, 'an estimated cost');
}

export function needDecider(terms: ProgramTerms): Decider<NeedCommand, NeedEvent, NeedState> {
  function decide(command: NeedCommand, state: NeedState): NeedEvent[] {
    if (command.type === 'RecordNeed') {
      if (state.recorded) {
        if (sameData(state.recorded, command.data)) return [];
        throw new ProgramRuleError('need-already-exists', `need ${command.data.needId} already exists`);
      }
      checkDetails(terms, command.data);
      return [{ type: 'NeedRecorded', data: command.data }];
    }
    const need = state.recorded;
    if (!need) throw new ProgramRuleError('need-not-found', 'no such need');
    if (state.status !== 'open') {
      throw new ProgramRuleError('need-closed', `need ${need.needId} is ${state.status}; record a new need instead`);
    }
    switch (command.type) {
      case 'ReviseNeed': {
        if (Object.keys(command.data.changes).length === 0) {
          throw new ProgramRuleError('nothing-to-revise', 'a revision must change at least one field');
        }
        checkDetails(terms, command.data.changes);
        const window = command.data.changes.window ?? need.window;
        if (window.from > window.to) throw new ProgramRuleError('window-inverted', 'window.to is before window.from');
        return [{ type: 'NeedRevised', data: { needId: need.needId, changes: command.data.changes } }];
      }
      case 'FulfilNeed':
        return [{ type: 'NeedFulfilled', data: { needId: need.needId, ...command.data } }];
      case 'CancelNeed':
        return [{ type: 'NeedCancelled', data: { needId: need.needId, reason: command.data.reason } }];
    }
  }
  return { decide, evolve, initialState };
}
