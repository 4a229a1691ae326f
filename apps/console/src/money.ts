/** Money as the API sends it: integer minor units and an ISO-4217 currency. */
export interface Money {
  amount: number;
  currency: string;
}

/** "$250,000.00" in the interface's language; minor units are divided by 100 (USD, ILS, EUR…). */
export function formatMoney(money: Money, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(money.amount / 100);
}

/** Sums per currency: amounts in different currencies are never added together. */
export function sumByCurrency(values: Money[]): Money[] {
  const totals = new Map<string, number>();
  for (const { amount, currency } of values) totals.set(currency, (totals.get(currency) ?? 0) + amount);
  return [...totals].map(([currency, amount]) => ({ amount, currency }));
}

/** One line per currency, e.g. "$1.00 · ₪2.00", or "—" for nothing. */
export function formatMoneyList(values: Money[], locale: string): string {
  return values.length === 0 ? '—' : values.map((money) => formatMoney(money, locale)).join(' · ');
}
