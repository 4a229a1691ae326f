import { Decider } from '../decider/decider';
import { ProgramRuleError } from '../decider/program-rule-error';
import { ConceptLinkEvent, JudgedPair } from './concept-link.events';

export * from './concept-link.events';

export type FlagDecision = 'duplicate' | 'not-duplicate' | 'complementary';

export type DuplicateFlagEvent =
  | {
      type: 'DuplicateFlagResolved';
      data: { flagId: string; decision: FlagDecision; note: string; reviewer: string };
    }
  | ConceptLinkEvent;

export type DuplicateFlagCommand = {
  type: 'ResolveDuplicateFlag';
  /** `pair`: the wordings judged, when known, so that the decision teaches the detector. */
  data: { flagId: string; decision: FlagDecision; note: string; reviewer: string; pair?: JudgedPair };
};

export interface DuplicateFlagState {
  resolution?: { flagId: string; decision: FlagDecision; note: string; reviewer: string };
}

export const duplicateFlagStreamId = (flagId: string) => `duplicate-flag-${flagId}`;

function teaching(resolution: NonNullable<DuplicateFlagState['resolution']>, pair: JudgedPair | undefined): ConceptLinkEvent[] {
  if (pair === undefined || resolution.decision === 'complementary') return [];
  const data = { ...pair, flagId: resolution.flagId, reviewer: resolution.reviewer };
  return [resolution.decision === 'duplicate' ? { type: 'ConceptsLinked', data } : { type: 'ConceptsSeparated', data }];
}

/**
 * A flag is raised by the detector (a projection), or reported by a reviewer when the detector
 * missed the pair; a person resolves it once, as an event. `duplicate` links the two wordings'
 * concepts and `not-duplicate` separates them (the teaching comes first, so the detector has
 * learnt it when the resolution lands); `complementary` teaches nothing.
 */
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
    const { pair, ...resolution } = command.data;
    return [...teaching(resolution, pair), { type: 'DuplicateFlagResolved', data: resolution }];
  },
};
