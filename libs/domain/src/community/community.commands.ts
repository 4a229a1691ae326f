import { CommunityKind, CommunityProfile } from './community.events';

export type CommunityCommand =
  | { type: 'RegisterCommunity'; data: CommunityProfile }
  /** `as`: which side of the pairing this community must be on. */
  | { type: 'PairCommunity'; data: { communityId: string; pairingId: string; as: CommunityKind } }
  | { type: 'UnpairCommunity'; data: { communityId: string; pairingId: string; reason: string } }
  | { type: 'RecordResidentsReturned'; data: { communityId: string; date: string; count?: number; note?: string } };
