import { SealedPersonDetails } from '../person/person.events';
import { Money } from '../shared/money';

export type PartnershipType = 'existing' | 'additional' | 'new';
export type TeamSide = 'israeli' | 'global' | 'agency';
export const TEAM_SIDES: readonly TeamSide[] = ['israeli', 'global', 'agency'];

/** The phases of a pairing, in the only order they may be entered. */
export const PHASES = ['formation', 'immediate-relief', 'road-map', 'recovery', 'concluded'] as const;
export type Phase = (typeof PHASES)[number];

export interface Commitment {
  annual: Money;
  years: number;
  startDate: string;
}

export interface Milestone {
  title: string;
  sector: string;
  targetDate: string;
  budget: Money;
}

export type PairingEvent =
  | {
      type: 'PairingCreated';
      data: {
        pairingId: string;
        israeliCommunityId: string;
        globalCommunityId: string;
        partnershipType: PartnershipType;
        commitment: Commitment;
      };
    }
  /** The pairing id was reserved by its communities but never created; its communities are freed after this. */
  | { type: 'PairingAbandoned'; data: { pairingId: string; communityIds: string[]; reason: string } }
  /** `personDetails`: the member's details sealed under their person key (absent on events from before they moved into the log). */
  | { type: 'TeamMemberAssigned'; data: { pairingId: string; memberId: string; side: TeamSide; role: string; personId: string; personDetails?: SealedPersonDetails } }
  | { type: 'TeamMemberReleased'; data: { pairingId: string; memberId: string; side: TeamSide; reason?: string } }
  | { type: 'PledgeMade'; data: { pairingId: string; pledgeId: string; year: number; amount: Money; needId?: string } }
  | {
      type: 'FundsDisbursed';
      data: { pairingId: string; disbursementId: string; pledgeId: string; amount: Money; needId?: string };
    }
  | { type: 'RoadMapApproved'; data: { pairingId: string; milestones: Milestone[] } }
  | { type: 'PhaseAdvanced'; data: { pairingId: string; from: Phase; to: Phase; reason: string; earlyClose?: boolean } };

export const pairingStreamId = (pairingId: string) => `pairing-${pairingId}`;
