import { DeciderSpecification } from '../testing/decider-specification';
import { defaultProgramTerms } from '../program-terms';
import { Milestone, PairingEvent, pairingStreamId, Phase } from './pairing.events';
import { pairingDecider } from './pairing.decider';
import { fullTeam, pairingCreated, phaseAdvanced, usd } from './pairing.fixtures';

const spec = DeciderSpecification.for(pairingDecider(defaultProgramTerms));
const advance = (to: Phase, extra: { earlyClose?: boolean; now?: string; reason?: string } = {}) => ({
  type: 'AdvancePhase' as const,
  data: { to, reason: extra.reason ?? 'on plan', earlyClose: extra.earlyClose, now: extra.now ?? '2025-01-01T00:00:00Z' },
});
const roadMap: PairingEvent = {
  type: 'RoadMapApproved',
  data: { pairingId: 'kfar-aza-boston', milestones: [{ title: 'Kindergarten', sector: 'education', targetDate: '2026-09-01', budget: usd(80_000) }] },
};
const inRoadMap = [pairingCreated, ...fullTeam, phaseAdvanced('formation', 'immediate-relief'), phaseAdvanced('immediate-relief', 'road-map')];
const inRecovery = [...inRoadMap, roadMap, phaseAdvanced('road-map', 'recovery')];

describe('phases', () => {
  it('leave formation once the joint team is complete', () => {
    spec.given([pairingCreated, ...fullTeam]).when(advance('immediate-relief')).then([phaseAdvanced('formation', 'immediate-relief')]);
  });

  it('stay in formation while a seat is empty, naming the missing seats', () => {
    spec
      .given([pairingCreated, ...fullTeam.slice(0, 5)])
      .when(advance('immediate-relief'))
      .thenThrows('phase-guard-unmet', { missingSeats: { agency: 1 } });
  });

  it('move one step at a time, forward only', () => {
    spec.given([pairingCreated, ...fullTeam]).when(advance('road-map')).thenThrows('phase-not-next', { from: 'formation', next: 'immediate-relief' });
    spec.given(inRoadMap).when(advance('immediate-relief')).thenThrows('phase-not-next');
  });

  it('enter recovery only with an approved road map', () => {
    spec.given(inRoadMap).when(advance('recovery')).thenThrows('phase-guard-unmet', { roadMapApproved: false });
    spec.given([...inRoadMap, roadMap]).when(advance('recovery')).then([phaseAdvanced('road-map', 'recovery')]);
  });

  it('conclude once the committed term has run', () => {
    spec.given(inRecovery).when(advance('concluded', { now: '2027-07-01T09:00:00Z' })).then([phaseAdvanced('recovery', 'concluded')]);
  });

  it('conclude early only when asked explicitly, with a reason', () => {
    spec.given(inRecovery).when(advance('concluded', { now: '2026-01-01T00:00:00Z' })).thenThrows('phase-guard-unmet', { termEnd: '2027-07-01' });
    spec.given(inRecovery).when(advance('concluded', { now: '2026-01-01T00:00:00Z', earlyClose: true, reason: ' ' })).thenThrows('phase-guard-unmet');
    spec
      .given(inRecovery)
      .when(advance('concluded', { now: '2026-01-01T00:00:00Z', earlyClose: true, reason: 'community merged' }))
      .then([{ type: 'PhaseAdvanced', data: { pairingId: 'kfar-aza-boston', from: 'recovery', to: 'concluded', reason: 'community merged', earlyClose: true } }]);
  });

  it('refuse every change once concluded', () => {
    const concluded = [...inRecovery, phaseAdvanced('recovery', 'concluded')];
    spec.given(concluded).when({ type: 'AssignTeamMember', data: { memberId: 'x', side: 'agency', role: 'r', personId: 'p' } }).thenThrows('pairing-concluded');
  });
});

describe('road maps', () => {
  it('are approved with milestones in the sector taxonomy', () => {
    spec.given([pairingCreated]).when({ type: 'ApproveRoadMap', data: { milestones: (roadMap.data as { milestones: Milestone[] }).milestones } }).then([roadMap]);
  });

  it('are refused with an unknown sector or no milestone', () => {
    const bad = [{ title: 'x', sector: 'space-program', targetDate: '2026-01-01', budget: usd(1) }];
    spec.given([pairingCreated]).when({ type: 'ApproveRoadMap', data: { milestones: bad } }).thenThrows('sector-unknown');
    spec.given([pairingCreated]).when({ type: 'ApproveRoadMap', data: { milestones: [] } }).thenThrows('road-map-empty');
  });
});

describe('phase guards', () => {
  it('check the joint team only when leaving formation', () => {
    const released: PairingEvent = { type: 'TeamMemberReleased', data: { pairingId: 'kfar-aza-boston', memberId: 'agency-1', side: 'agency' } };
    spec.given([...inRoadMap, released, roadMap]).when(advance('recovery')).then([phaseAdvanced('road-map', 'recovery')]);
  });

  it('mark only a conclusion as early, whatever else the caller sends', () => {
    spec.given([pairingCreated, ...fullTeam]).when(advance('immediate-relief', { earlyClose: true })).then([phaseAdvanced('formation', 'immediate-relief')]);
  });

  it('conclude without earlyClose from the very day the term ends', () => {
    spec.given(inRecovery).when(advance('concluded', { now: '2027-07-01T00:00:00Z', earlyClose: true })).then([
      { type: 'PhaseAdvanced', data: { pairingId: 'kfar-aza-boston', from: 'recovery', to: 'concluded', reason: 'on plan', earlyClose: true } },
    ]);
    spec.given(inRecovery).when(advance('concluded', { now: '2027-06-30T23:59:59Z' })).thenThrows('phase-guard-unmet', { termEnd: '2027-07-01' });
  });

  it('name no next phase after concluded', () => {
    const concluded = [...inRecovery, phaseAdvanced('recovery', 'concluded')];
    spec.given(concluded).when(advance('recovery')).thenThrows('pairing-concluded');
  });
});

describe('pairing streams', () => {
  it('are named pairing-<id>', () => {
    expect(pairingStreamId('kfar-aza-boston')).toBe('pairing-kfar-aza-boston');
  });

  it('ignore event types the decider does not know when folding', () => {
    const unknown = { type: 'SomethingFromTheFuture', data: {} } as unknown as PairingEvent;
    spec.given([pairingCreated, unknown, ...fullTeam]).when(advance('immediate-relief')).then([phaseAdvanced('formation', 'immediate-relief')]);
  });
});
