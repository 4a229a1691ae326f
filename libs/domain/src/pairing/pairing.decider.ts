import { Decider } from '../decider/decider';
import { ProgramRuleError } from '../decider/program-rule-error';
import { assertSector, ProgramTerms } from '../program-terms';
import { assertPositive } from '../shared/money';
import { PairingCommand } from './pairing.commands';
import { PairingEvent } from './pairing.events';
import { evolvePairing } from './pairing.evolve';
import { initialPairingState, PairingState } from './pairing.state';
import { abandonPairing, createPairing } from './pairing-creation.rules';
import { disburseFunds, makePledge } from './pairing-funds.rules';
import { advancePhase } from './pairing-phase.rules';
import { assignTeamMember, releaseTeamMember } from './pairing-team.rules';

export function pairingDecider(terms: ProgramTerms): Decider<PairingCommand, PairingEvent, PairingState> {
  function decide(command: PairingCommand, state: PairingState): PairingEvent[] {
    if (command.type === 'CreatePairing') return createPairing(terms, command.data, state);
    if (command.type === 'AbandonPairing') return abandonPairing(command.data, state);
    const created = state.created;
    if (!created) throw new ProgramRuleError('pairing-not-found', 'no such pairing');
    if (state.phase === 'concluded') {
      throw new ProgramRuleError('pairing-concluded', `pairing ${created.pairingId} is concluded; nothing more can change`);
    }
    switch (command.type) {
      case 'AssignTeamMember':
        return assignTeamMember(terms, created.pairingId, command.data, state);
      case 'ReleaseTeamMember':
        return releaseTeamMember(created.pairingId, command.data, state);
      case 'MakePledge':
        return makePledge(created, command.data, state);
      case 'DisburseFunds':
        return disburseFunds(created, command.data, state);
      case 'ApproveRoadMap':
        for (const milestone of command.data.milestones) {
          assertSector(terms, milestone.sector);
          assertPositive(milestone.budget, 'a milestone budget');
        }
        if (command.data.milestones.length === 0) {
          throw new ProgramRuleError('road-map-empty', 'a road map needs at least one milestone');
        }
        return [{ type: 'RoadMapApproved', data: { pairingId: created.pairingId, milestones: command.data.milestones } }];
      case 'AdvancePhase':
        return advancePhase(terms, created, command.data, state);
    }
  }

  return { decide, evolve: evolvePairing, initialState: initialPairingState };
}
