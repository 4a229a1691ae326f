import { ProgramRuleError } from '../decider/program-rule-error';
import { addYears } from './date-window';
import { assertSameCurrency, formatMoney } from './money';

const refusal = (act: () => void): ProgramRuleError => {
  try {
    act();
  } catch (error) {
    return error as ProgramRuleError;
  }
  throw new Error('expected a refusal');
};

describe('money', () => {
  it('formats minor units as a decimal amount with its currency', () => {
    expect(formatMoney({ amount: 25_000_000, currency: 'USD' })).toBe('250000.00 USD');
    expect(formatMoney({ amount: 1_205, currency: 'ILS' })).toBe('12.05 ILS');
  });

  it('names both currencies when they differ', () => {
    const error = refusal(() => assertSameCurrency({ amount: 1, currency: 'USD' }, { amount: 1, currency: 'ILS' }, 'a pledge'));
    expect(error).toBeInstanceOf(ProgramRuleError);
    expect(error).toMatchObject({ name: 'ProgramRuleError', code: 'currency-mismatch', details: { expected: 'USD', actual: 'ILS' } });
  });
});

describe('dates', () => {
  it('adds years to an ISO date, keeping month, day and a four-digit year', () => {
    expect(addYears('2024-07-01', 3)).toBe('2027-07-01');
    expect(addYears('0998-02-03', 3)).toBe('1001-02-03');
    expect(addYears('0096-02-03', 3)).toBe('0099-02-03');
  });
});
