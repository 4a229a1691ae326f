export type CommunityKind = 'israeli' | 'global';
export type SettlementType = 'town' | 'kibbutz' | 'moshav' | 'city' | 'federation';

export interface CommunityProfile {
  communityId: string;
  name: string;
  nameHe?: string;
  aliases: string[];
  kind: CommunityKind;
  settlementType: SettlementType;
  regionalCouncil?: string;
  country: string;
}

export type CommunityEvent =
  | { type: 'CommunityRegistered'; data: CommunityProfile }
  | { type: 'CommunityPaired'; data: { communityId: string; pairingId: string } }
  | { type: 'CommunityUnpaired'; data: { communityId: string; pairingId: string; reason: string } }
  | { type: 'ResidentsReturned'; data: { communityId: string; date: string; count?: number; note?: string } };

export const communityStreamId = (communityId: string) => `community-${communityId}`;
