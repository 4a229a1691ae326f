import { ProgramRuleError } from '../decider/program-rule-error';
import { assertPositive, assertSameCurrency, formatMoney, Money } from '../shared/money';
import { PairingEvent } from './pairing.events';
import { PairingState } from './pairing.state';

type Created = NonNullable<PairingState['created']>;

export function makePledge(
  created: Created,
  data: { pledgeId: string; year: number; amount: Money; needId?: string },
  state: PairingState,
): PairingEvent[] {
  const existing = state.pledges[data.pledgeId];
  if (existing) {
    const same = existing.year === data.year && existing.amount.amount === data.amount.amount && existing.needId === data.needId;
    if (same) return [];
    throw new ProgramRuleError('pledge-already-exists', `pledge ${data.pledgeId} already exists`);
  }
  const { years } = created.commitment;
  if (!Number.isInteger(data.year) || data.year < 1 || data.year > years) {
    throw new ProgramRuleError('pledge-outside-term', `program year ${data.year} is outside the term of 1..${years}`, {
      years,
    });
  }
  assertPositive(data.amount, 'a pledge');
  assertSameCurrency(created.commitment.annual, data.amount, 'a pledge');
  return [{ type: 'PledgeMade', data: { pairingId: created.pairingId, ...data } }];
}

export function disburseFunds(
  created: Created,
  data: { disbursementId: string; pledgeId: string; amount: Money; needId?: string },
  state: PairingState,
): PairingEvent[] {
  if (state.disbursements[data.disbursementId]) {
    const earlier = state.disbursements[data.disbursementId];
    if (earlier.pledgeId === data.pledgeId && earlier.amount.amount === data.amount.amount) return [];
    throw new ProgramRuleError('disbursement-already-exists', `disbursement ${data.disbursementId} already exists`);
  }
  const pledge = state.pledges[data.pledgeId];
  if (!pledge) throw new ProgramRuleError('pledge-not-found', `pairing ${created.pairingId} has no pledge ${data.pledgeId}`);
  assertPositive(data.amount, 'a disbursement');
  assertSameCurrency(pledge.amount, data.amount, 'a disbursement');
  const remaining = pledge.amount.amount - pledge.disbursed;
  if (data.amount.amount > remaining) {
    throw new ProgramRuleError(
      'disbursement-exceeds-pledge',
      `only ${formatMoney({ amount: remaining, currency: pledge.amount.currency })} of pledge ${data.pledgeId} is left to disburse`,
      { pledged: pledge.amount, disbursed: pledge.disbursed, remaining },
    );
  }
  return [{ type: 'FundsDisbursed', data: { pairingId: created.pairingId, ...data } }];
}
