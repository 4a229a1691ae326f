import { DeciderSpecification } from '../testing/decider-specification';
import { defaultProgramTerms } from '../program-terms';
import { pairingDecider } from './pairing.decider';
import { memberAssigned, pairingCreated } from './pairing.fixtures';

const spec = DeciderSpecification.for(pairingDecider(defaultProgramTerms));
const assign = (memberId: string, side: 'israeli' | 'global' | 'agency') => ({
  type: 'AssignTeamMember' as const,
  data: { memberId, side, role: 'coordinator', personId: `person-${memberId}` },
});

describe('the joint team', () => {
  it('takes a second member on a side', () => {
    spec.given([pairingCreated, memberAssigned('m1', 'global')]).when(assign('m2', 'global')).then([memberAssigned('m2', 'global')]);
  });

  it('refuses a third member on one side', () => {
    spec
      .given([pairingCreated, memberAssigned('m1', 'agency'), memberAssigned('m2', 'agency')])
      .when(assign('m3', 'agency'))
      .thenThrows('team-side-full', { side: 'agency', seats: 2 });
  });

  it('frees a seat when a member is released', () => {
    const released = { type: 'TeamMemberReleased' as const, data: { pairingId: 'kfar-aza-boston', memberId: 'm1', side: 'agency' as const } };
    spec
      .given([pairingCreated, memberAssigned('m1', 'agency'), memberAssigned('m2', 'agency'), released])
      .when(assign('m3', 'agency'))
      .then([memberAssigned('m3', 'agency')]);
  });

  it('treats the same assignment again as a retry, and another with the same id as a conflict', () => {
    spec.given([pairingCreated, memberAssigned('m1', 'israeli')]).when(assign('m1', 'israeli')).then([]);
    spec.given([pairingCreated, memberAssigned('m1', 'israeli')]).when(assign('m1', 'global')).thenThrows('team-member-already-assigned');
  });

  it('releases an active member, naming the side', () => {
    spec
      .given([pairingCreated, memberAssigned('m1', 'israeli')])
      .when({ type: 'ReleaseTeamMember', data: { memberId: 'm1', reason: 'moved away' } })
      .then([{ type: 'TeamMemberReleased', data: { pairingId: 'kfar-aza-boston', memberId: 'm1', side: 'israeli', reason: 'moved away' } }]);
  });

  it('refuses to release someone who is not on the team', () => {
    spec.given([pairingCreated]).when({ type: 'ReleaseTeamMember', data: { memberId: 'ghost' } }).thenThrows('team-member-not-found');
  });
});

describe('a member id reused', () => {
  it('is a conflict when the person or the role differs', () => {
    spec
      .given([pairingCreated, memberAssigned('m1', 'israeli')])
      .when({ type: 'AssignTeamMember', data: { memberId: 'm1', side: 'israeli', role: 'coordinator', personId: 'someone-else' } })
      .thenThrows('team-member-already-assigned');
    spec
      .given([pairingCreated, memberAssigned('m1', 'israeli')])
      .when({ type: 'AssignTeamMember', data: { memberId: 'm1', side: 'israeli', role: 'treasurer', personId: 'person-m1' } })
      .thenThrows('team-member-already-assigned');
  });
});
