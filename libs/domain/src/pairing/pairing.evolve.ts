import { PairingEvent } from './pairing.events';
import { PairingState } from './pairing.state';

export function evolvePairing(state: PairingState, event: PairingEvent): PairingState {
  switch (event.type) {
    case 'PairingCreated':
      return { ...state, created: event.data };
    case 'PairingAbandoned':
      return { ...state, abandoned: { reason: event.data.reason } };
    case 'TeamMemberAssigned': {
      const { memberId, side, personId, role } = event.data;
      return { ...state, team: { ...state.team, [memberId]: { side, personId, role } } };
    }
    case 'TeamMemberReleased': {
      const { [event.data.memberId]: _released, ...team } = state.team;
      return { ...state, team };
    }
    case 'PledgeMade': {
      const { pledgeId, year, amount, needId } = event.data;
      return { ...state, pledges: { ...state.pledges, [pledgeId]: { year, amount, needId, disbursed: 0 } } };
    }
    case 'FundsDisbursed': {
      const { disbursementId, pledgeId, amount } = event.data;
      const pledge = state.pledges[pledgeId];
      return {
        ...state,
        pledges: { ...state.pledges, [pledgeId]: { ...pledge, disbursed: pledge.disbursed + amount.amount } },
        disbursements: { ...state.disbursements, [disbursementId]: { pledgeId, amount } },
      };
    }
    case 'RoadMapApproved':
      return { ...state, roadMapApproved: true };
    case 'PhaseAdvanced':
      return { ...state, phase: event.data.to };
    default:
      return state;
  }
}
