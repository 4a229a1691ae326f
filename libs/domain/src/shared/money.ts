import { ProgramRuleError } from '../decider/program-rule-error';

/** An amount in integer minor units (cents, agorot) of an ISO-4217 currency; never a float. */
export interface Money {
  amount: number;
  currency: string;
}

/** Money of different currencies is never added or compared: that needs an explicit rate table. */
export function assertSameCurrency(expected: Money, actual: Money, what: string): void {
  if (expected.currency !== actual.currency) {
    throw new ProgramRuleError('currency-mismatch', `${what} must be in ${expected.currency}, not ${actual.currency}`, {
      expected: expected.currency,
      actual: actual.currency,
    });
  }
}

export function assertPositive(money: Money, what: string): void {
  if (!Number.isSafeInteger(money.amount) || money.amount <= 0) {
    throw new ProgramRuleError('amount-not-positive', `${what} must be a positive whole number of minor units`);
  }
}

export function formatMoney(money: Money): string {
  return `${(money.amount / 100).toFixed(2)} ${money.currency}`;
}
