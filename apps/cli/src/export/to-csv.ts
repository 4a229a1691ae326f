import { stringify } from 'csv-stringify/sync';

const INDEX = /^\d+$/;

/**
 * Nested objects become dotted columns (commitment.annual.amount) and lists indexed ones
 * (team.0.side, team.1.side, aliases.0), so a spreadsheet gets one value per cell, never JSON
 * text. An empty list has no column.
 */
export function flatten(value: object, prefix = '', into: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [key, child] of Object.entries(value)) {
    const column = prefix ? `${prefix}.${key}` : key;
    if (child !== null && typeof child === 'object') flatten(child, column, into);
    else into[column] = child;
  }
  return into;
}

/**
 * Every column any row has, in the order first seen, except that a list's columns stay
 * together item by item (team.0.side, team.0.role, team.1.side…) however many items each row has.
 */
export function columnOrder(columns: string[]): string[] {
  const ranks = new Map<string, number>();
  const rank = (key: string) => ranks.get(key) ?? (ranks.set(key, ranks.size), ranks.size - 1);
  const keyed = columns.map((column) => {
    const segments = column.split('.');
    const first = segments.findIndex((segment) => INDEX.test(segment));
    return {
      column,
      root: rank(first === -1 ? column : segments.slice(0, first).join('.')),
      indexes: segments.filter((segment) => INDEX.test(segment)).map(Number),
      field: rank(segments.map((segment) => (INDEX.test(segment) ? '#' : segment)).join('.')),
    };
  });
  const byIndexes = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i += 1) if (a[i] !== b[i]) return a[i] - b[i];
    return a.length - b.length;
  };
  return keyed.sort((a, b) => a.root - b.root || byIndexes(a.indexes, b.indexes) || a.field - b.field).map(({ column }) => column);
}

/** CSV with a header of every column any row has, UTF-8 with a BOM so spreadsheets read Hebrew. */
export function toCsv(rows: object[]): string {
  const flat = rows.map((row) => flatten(row));
  const columns = columnOrder([...new Set(flat.flatMap((row) => Object.keys(row)))]);
  return '\ufeff' + stringify(flat, { header: true, columns });
}
