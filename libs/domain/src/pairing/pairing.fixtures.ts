import { PairingEvent, TeamSide } from './pairing.events';

/** Events that set a pairing up, for Given/When/Then specifications. */
export const pairingCreated: PairingEvent = {
  type: 'PairingCreated',
  data: {
    pairingId: 'kfar-aza-boston',
    israeliCommunityId: 'kfar-aza',
    globalCommunityId: 'boston',
    partnershipType: 'new',
    commitment: { annual: { amount: 25_000_000, currency: 'USD' }, years: 3, startDate: '2024-07-01' },
  },
};

export function memberAssigned(memberId: string, side: TeamSide): PairingEvent {
  return { type: 'TeamMemberAssigned', data: { pairingId: 'kfar-aza-boston', memberId, side, role: 'coordinator', personId: `person-${memberId}` } };
}

export const fullTeam: PairingEvent[] = (['israeli', 'global', 'agency'] as const).flatMap((side) => [
  memberAssigned(`${side}-1`, side),
  memberAssigned(`${side}-2`, side),
]);

export function phaseAdvanced(from: string, to: string): PairingEvent {
  return { type: 'PhaseAdvanced', data: { pairingId: 'kfar-aza-boston', from, to, reason: 'on plan' } as never };
}

export const usd = (dollars: number) => ({ amount: dollars * 100, currency: 'USD' });
