/** A row as better-sqlite3 returns it; each query maps its columns to a typed view. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Row = Record<string, any>;

/** Money as the API speaks it. */
export const money = (amount: number, currency: string) => ({ amount, currency });
