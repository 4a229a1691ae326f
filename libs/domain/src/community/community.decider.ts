import { sameData } from '../shared/same-data';
import { Decider } from '../decider/decider';
import { ProgramRuleError } from '../decider/program-rule-error';
import { CommunityCommand } from './community.commands';
import { CommunityEvent, CommunityProfile } from './community.events';

export interface CommunityState {
  profile?: CommunityProfile;
  activePairings: string[];
}

const initialState = (): CommunityState => ({ activePairings: [] });

function evolve(state: CommunityState, event: CommunityEvent): CommunityState {
  switch (event.type) {
    case 'CommunityRegistered':
      return { ...state, profile: event.data };
    case 'CommunityPaired':
      return { ...state, activePairings: [...state.activePairings, event.data.pairingId] };
    case 'CommunityUnpaired':
      return { ...state, activePairings: state.activePairings.filter((id) => id !== event.data.pairingId) };
    default:
      return state;
  }
}

function decide(command: CommunityCommand, state: CommunityState): CommunityEvent[] {
  if (command.type === 'RegisterCommunity') return register(command.data, state);
  const profile = state.profile;
  if (!profile) {
    throw new ProgramRuleError('community-not-found', `community ${command.data.communityId} is not registered`);
  }
  switch (command.type) {
    case 'PairCommunity': {
      const { pairingId, as } = command.data;
      if (state.activePairings.includes(pairingId)) return [];
      if (profile.kind !== as) {
        throw new ProgramRuleError('community-kind-mismatch', `${profile.name} is a ${profile.kind} community, not ${as}`);
      }
      // Existing partnerships may add a pairing abroad; an Israeli community has one at a time.
      if (profile.kind === 'israeli' && state.activePairings.length > 0) {
        throw new ProgramRuleError('community-already-paired', `${profile.name} already has an active pairing`, {
          pairingId: state.activePairings[0],
        });
      }
      return [{ type: 'CommunityPaired', data: { communityId: profile.communityId, pairingId } }];
    }
    case 'UnpairCommunity':
      if (!state.activePairings.includes(command.data.pairingId)) return [];
      return [{ type: 'CommunityUnpaired', data: { ...command.data, communityId: profile.communityId } }];
    case 'RecordResidentsReturned':
      if (profile.kind !== 'israeli') {
        throw new ProgramRuleError('community-kind-mismatch', 'residents return to Israeli communities only');
      }
      return [{ type: 'ResidentsReturned', data: { ...command.data, communityId: profile.communityId } }];
  }
}

function register(profile: CommunityProfile, state: CommunityState): CommunityEvent[] {
  if (!state.profile) return [{ type: 'CommunityRegistered', data: profile }];
  if (sameData(state.profile, profile)) return [];
  throw new ProgramRuleError('community-already-registered', `community ${profile.communityId} is already registered`);
}

export const communityDecider: Decider<CommunityCommand, CommunityEvent, CommunityState> = {
  decide,
  evolve,
  initialState,
};
