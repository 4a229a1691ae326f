import { ProgramRuleError } from '../decider/program-rule-error';
import { ProgramTerms } from '../program-terms';
import { addYears } from '../shared/date-window';
import { PairingEvent, Phase, PHASES } from './pairing.events';
import { PairingState } from './pairing.state';
import { missingSeats } from './pairing-team.rules';

type Created = NonNullable<PairingState['created']>;

/** Phases move one step forward, each step with its guard. */
export function advancePhase(
  terms: ProgramTerms,
  created: Created,
  data: { to: Phase; reason: string; earlyClose?: boolean; now: string },
  state: PairingState,
): PairingEvent[] {
  const next = PHASES[PHASES.indexOf(state.phase) + 1];
  if (data.to !== next) {
    throw new ProgramRuleError('phase-not-next', `a pairing in ${state.phase} can only advance to ${next ?? 'nothing'}`, {
      from: state.phase,
      next,
    });
  }
  if (state.phase === 'formation') {
    const missing = missingSeats(terms, state);
    if (Object.keys(missing).length > 0) {
      throw new ProgramRuleError('phase-guard-unmet', 'leaving formation needs a complete joint team', { missingSeats: missing });
    }
  }
  if (data.to === 'recovery' && !state.roadMapApproved) {
    throw new ProgramRuleError('phase-guard-unmet', 'entering recovery needs an approved road map', { roadMapApproved: false });
  }
  if (data.to === 'concluded') {
    const termEnd = addYears(created.commitment.startDate, created.commitment.years);
    const fulfilled = data.now.slice(0, 10) >= termEnd;
    if (!fulfilled && !(data.earlyClose && data.reason.trim().length > 0)) {
      throw new ProgramRuleError(
        'phase-guard-unmet',
        `the committed term runs until ${termEnd}; concluding earlier needs earlyClose with a reason`,
        { termEnd },
      );
    }
  }
  const early = data.to === 'concluded' && data.earlyClose ? { earlyClose: true } : {};
  return [
    { type: 'PhaseAdvanced', data: { pairingId: created.pairingId, from: state.phase, to: data.to, reason: data.reason, ...early } },
  ];
}
