import { Money } from '../shared/money';
import { SealedPersonDetails } from '../person/person.events';
import { Commitment, Milestone, PartnershipType, Phase, TeamSide } from './pairing.events';

export type PairingCommand =
  | {
      type: 'CreatePairing';
      data: {
        pairingId: string;
        israeliCommunityId: string;
        globalCommunityId: string;
        partnershipType: PartnershipType;
        commitment: Commitment;
      };
    }
  /** Closes a pairing id whose creation never completed (a crash between its streams), so it can never be created later. */
  | { type: 'AbandonPairing'; data: { pairingId: string; communityIds: string[]; reason: string } }
  | { type: 'AssignTeamMember'; data: { memberId: string; side: TeamSide; role: string; personId: string; personDetails?: SealedPersonDetails } }
  | { type: 'ReleaseTeamMember'; data: { memberId: string; reason?: string } }
  | { type: 'MakePledge'; data: { pledgeId: string; year: number; amount: Money; needId?: string } }
  | { type: 'DisburseFunds'; data: { disbursementId: string; pledgeId: string; amount: Money; needId?: string } }
  | { type: 'ApproveRoadMap'; data: { milestones: Milestone[] } }
  /** `now` is the server's date: concluding checks it against the end of the committed term. */
  | { type: 'AdvancePhase'; data: { to: Phase; reason: string; earlyClose?: boolean; now: string } };
