import { Money } from '../shared/money';
import { Commitment, Phase, TeamSide } from './pairing.events';

export interface PledgeState {
  year: number;
  amount: Money;
  disbursed: number;
  needId?: string;
}

export interface PairingState {
  created?: {
    pairingId: string;
    israeliCommunityId: string;
    globalCommunityId: string;
    partnershipType: string;
    commitment: Commitment;
  };
  /** Set when a creation that never completed was abandoned: the id stays unusable. */
  abandoned?: { reason: string };
  phase: Phase;
  /** Active team members by member id. */
  team: Record<string, { side: TeamSide; personId: string; role: string }>;
  pledges: Record<string, PledgeState>;
  disbursements: Record<string, { pledgeId: string; amount: Money }>;
  roadMapApproved: boolean;
}

export const initialPairingState = (): PairingState => ({
  phase: 'formation',
  team: {},
  pledges: {},
  disbursements: {},
  roadMapApproved: false,
});
