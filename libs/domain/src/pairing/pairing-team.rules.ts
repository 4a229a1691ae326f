import { ProgramRuleError } from '../decider/program-rule-error';
import { ProgramTerms } from '../program-terms';
import { PairingEvent, TEAM_SIDES, TeamSide } from './pairing.events';
import { PairingState } from './pairing.state';

export function membersOnSide(state: PairingState, side: TeamSide): number {
  return Object.values(state.team).filter((member) => member.side === side).length;
}

/** Seats still empty per side: the joint team is complete when every number is 0. */
export function missingSeats(terms: ProgramTerms, state: PairingState): Partial<Record<TeamSide, number>> {
  const missing: Partial<Record<TeamSide, number>> = {};
  for (const side of TEAM_SIDES) {
    const gap = terms.teamSeatsPerSide - membersOnSide(state, side);
    if (gap > 0) missing[side] = gap;
  }
  return missing;
}

export function assignTeamMember(
  terms: ProgramTerms,
  pairingId: string,
  data: { memberId: string; side: TeamSide; role: string; personId: string },
  state: PairingState,
): PairingEvent[] {
  const existing = state.team[data.memberId];
  if (existing) {
    if (existing.side === data.side && existing.personId === data.personId && existing.role === data.role) return [];
    throw new ProgramRuleError('team-member-already-assigned', `team member ${data.memberId} is already assigned`);
  }
  if (membersOnSide(state, data.side) >= terms.teamSeatsPerSide) {
    throw new ProgramRuleError(
      'team-side-full',
      `the ${data.side} side of the joint team already has ${terms.teamSeatsPerSide} members`,
      { side: data.side, seats: terms.teamSeatsPerSide },
    );
  }
  return [{ type: 'TeamMemberAssigned', data: { pairingId, ...data } }];
}

export function releaseTeamMember(
  pairingId: string,
  data: { memberId: string; reason?: string },
  state: PairingState,
): PairingEvent[] {
  const member = state.team[data.memberId];
  if (!member) throw new ProgramRuleError('team-member-not-found', `no active team member ${data.memberId}`);
  return [{ type: 'TeamMemberReleased', data: { pairingId, memberId: data.memberId, side: member.side, reason: data.reason } }];
}
