import { stringify } from 'csv-stringify/sync';

/** Nested objects become dotted columns (commitment.annual.amount); arrays become JSON text. */
export function flatten(value: object, prefix = '', into: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [key, child] of Object.entries(value)) {
    const column = prefix ? `${prefix}.${key}` : key;
    if (child !== null && typeof child === 'object' && !Array.isArray(child)) flatten(child, column, into);
    else into[column] = Array.isArray(child) ? JSON.stringify(child) : child;
  }
  return into;
}

/** CSV with a header of every column any row has, UTF-8 with a BOM so spreadsheets read Hebrew. */
export function toCsv(rows: object[]): string {
  const flat = rows.map((row) => flatten(row));
  const columns = [...new Set(flat.flatMap((row) => Object.keys(row)))];
  return '\ufeff' + stringify(flat, { header: true, columns });
}
