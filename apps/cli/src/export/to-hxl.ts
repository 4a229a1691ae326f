import { stringify } from 'csv-stringify/sync';

/** One HXL column: a human header, its hashtag, and how to read it from a row. */
export type HxlColumn<T> = [header: string, hashtag: string, value: (row: T) => unknown];

/**
 * HXL: a CSV whose second row holds the hashtags (#org+funder, #sector, #adm1+name, …), so
 * humanitarian tools (and OCHA's 3W matrices) read it without a mapping.
 */
export function toHxl<T>(rows: T[], columns: HxlColumn<T>[]): string {
  return (
    '\ufeff' +
    stringify([columns.map(([header]) => header), columns.map(([, tag]) => tag), ...rows.map((row) => columns.map(([, , value]) => value(row) ?? ''))])
  );
}

/** Minor units to a decimal amount in major units, as HXL #value and IATI expect. */
export const majorUnits = (amount: number) => (amount / 100).toFixed(2);
