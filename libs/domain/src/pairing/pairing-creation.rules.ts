import { sameData } from '../shared/same-data';
import { ProgramRuleError } from '../decider/program-rule-error';
import { ProgramTerms } from '../program-terms';
import { formatMoney } from '../shared/money';
import { PairingCommand } from './pairing.commands';
import { PairingEvent } from './pairing.events';
import { PairingState } from './pairing.state';

type CreatePairing = Extract<PairingCommand, { type: 'CreatePairing' }>['data'];
type AbandonPairing = Extract<PairingCommand, { type: 'AbandonPairing' }>['data'];

export function createPairing(terms: ProgramTerms, data: CreatePairing, state: PairingState): PairingEvent[] {
  if (state.created) {
    if (sameData(state.created, data)) return [];
    throw new ProgramRuleError('pairing-already-exists', `pairing ${data.pairingId} already exists`);
  }
  if (state.abandoned) {
    throw new ProgramRuleError(
      'pairing-abandoned',
      `pairing ${data.pairingId} was abandoned (${state.abandoned.reason}); create the pairing again with a new request`,
    );
  }
  if (data.israeliCommunityId === data.globalCommunityId) {
    throw new ProgramRuleError('pairing-same-community', 'a community cannot be paired with itself');
  }
  const { annual, years } = data.commitment;
  if (years < terms.minimumYears) {
    throw new ProgramRuleError('commitment-too-short', `a commitment runs at least ${terms.minimumYears} years, not ${years}`, {
      minimumYears: terms.minimumYears,
    });
  }
  const minimum = terms.minimumAnnualCommitment;
  if (annual.currency !== minimum.currency) {
    throw new ProgramRuleError(
      'commitment-currency-unsupported',
      `commitments are made in ${minimum.currency} (the currency of the program minimum), not ${annual.currency}`,
    );
  }
  if (annual.amount < minimum.amount) {
    throw new ProgramRuleError(
      'commitment-below-minimum',
      `the annual commitment ${formatMoney(annual)} is below the program minimum ${formatMoney(minimum)}`,
      { minimum },
    );
  }
  return [{ type: 'PairingCreated', data }];
}

/** A creation that completed is not abandoned; abandoning twice changes nothing. */
export function abandonPairing(data: AbandonPairing, state: PairingState): PairingEvent[] {
  if (state.created || state.abandoned) return [];
  return [{ type: 'PairingAbandoned', data }];
}
