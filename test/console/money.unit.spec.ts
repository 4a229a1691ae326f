import { formatMoney, formatMoneyList, sumByCurrency } from '../../apps/console/src/money';

describe('console money', () => {
  it('never adds amounts of different currencies together', () => {
    expect(
      sumByCurrency([
        { amount: 100, currency: 'USD' },
        { amount: 250, currency: 'ILS' },
        { amount: 50, currency: 'USD' },
      ]),
    ).toEqual([
      { amount: 150, currency: 'USD' },
      { amount: 250, currency: 'ILS' },
    ]);
  });

  it('shows minor units as major units in the interface language', () => {
    expect(formatMoney({ amount: 25000000, currency: 'USD' }, 'en-US')).toBe('$250,000.00');
    expect(formatMoneyList([{ amount: 150, currency: 'USD' }, { amount: 250, currency: 'ILS' }], 'en-US')).toBe('$1.50 · ₪2.50');
    expect(formatMoneyList([], 'en-US')).toBe('—');
  });
});
