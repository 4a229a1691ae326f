import { Decider } from '../decider/decider';
import { ProgramRuleError } from '../decider/program-rule-error';

export type FlagDecision = 'duplicate' | 'not-duplicate' | 'complementary';

export type DuplicateFlagEvent = {
  type: 'DuplicateFlagResolved';
  data: { flagId: string; decision: FlagDecision; note: string; reviewer: string };
};

export type DuplicateFlagCommand = {
  type: 'ResolveDuplicateFlag';
  data: { flagId: string; decision: FlagDecision; note: string; reviewer: string };
};

export interface DuplicateFlagState {
  resolution?: DuplicateFlagEvent['data'];
}

export const duplicateFlagStreamId = (flagId: string) => `duplicate-flag-${flagId}`;

/** A flag is raised by the detector (a projection); a person resolves it once, as an event. */
export const duplicateFlagDecider: Decider<DuplicateFlagCommand, DuplicateFlagEvent, DuplicateFlagState> = {
  initialState: () => ({}),
  evolve: (state, event) => (event.type === 'DuplicateFlagResolved' ? { resolution: event.data } : state),
  decide(command, state) {
    if (state.resolution) {
      const same = state.resolution.decision === command.data.decision && state.resolution.note === command.data.note;
      if (same) return [];
      throw new ProgramRuleError('duplicate-flag-already-resolved', `flag ${command.data.flagId} was already resolved`, {
        decision: state.resolution.decision,
      });
    }
    return [{ type: 'DuplicateFlagResolved', data: command.data }];
  },
};
