import { parse } from 'csv-parse/sync';

/** Column names accepted in a plan list, and the other spellings found in real exports. */
const COLUMN_ALIASES: Record<string, string[]> = {
  source: ['source', 'type'],
  authority: ['authority', 'organisation', 'organization', 'org'],
  externalRef: ['externalref', 'external_ref', 'external ref', 'ref', 'reference', 'id'],
  title: ['title', 'name', 'activity'],
  description: ['description', 'details'],
  sector: ['sector'],
  communityIds: ['communityids', 'community_ids', 'communities', 'community'],
  regionalCouncil: ['regionalcouncil', 'regional_council', 'regional council', 'council'],
  from: ['from', 'start', 'window_from', 'start date'],
  to: ['to', 'end', 'window_to', 'end date'],
  budget: ['budget', 'amount', 'value'],
  currency: ['currency'],
};

export type PlanField = keyof typeof COLUMN_ALIASES;

/** Columns a plan list must have (description may be left out); coverage is communityIds or regionalCouncil. */
const REQUIRED_COLUMNS: PlanField[] = ['source', 'authority', 'externalRef', 'title', 'sector', 'from', 'to', 'budget', 'currency'];

/** The header's missing columns, by their documented names; empty when the header is complete. */
export function missingColumns(present: readonly (PlanField | undefined)[]): string[] {
  const missing: string[] = REQUIRED_COLUMNS.filter((field) => !present.includes(field));
  if (!present.includes('communityIds') && !present.includes('regionalCouncil')) missing.push('communityIds or regionalCouncil');
  return missing;
}

export interface PlanCsvRow {
  row: number;
  fields: Partial<Record<keyof typeof COLUMN_ALIASES, string>>;
}

/** Reads a UTF-8 CSV (a BOM is fine) with a header row, mapping each header to its field. */
export function readPlanCsv(text: string): { rows: PlanCsvRow[]; unknownColumns: string[]; missingColumns: string[] } {
  const records = parse(text.replace(/^\ufeff/, ''), { columns: false, skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  const [header = [], ...body] = records;
  const fieldOf = (column: string) =>
    Object.entries(COLUMN_ALIASES).find(([, aliases]) => aliases.includes(column.trim().toLowerCase()))?.[0] as keyof typeof COLUMN_ALIASES | undefined;
  const fields = header.map(fieldOf);
  return {
    unknownColumns: header.filter((_, i) => fields[i] === undefined),
    missingColumns: header.length ? missingColumns(fields) : [],
    rows: body.map((cells, i) => ({
      row: i + 2,
      fields: Object.fromEntries(fields.map((field, j) => [field, cells[j]]).filter(([field, value]) => field && value !== undefined && value !== '')),
    })),
  };
}

/** "1,234,567.8" in major units → 123456780 minor units, without floating-point arithmetic. */
export function toMinorUnits(value: string): number | undefined {
  const match = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(value.replace(/[,\s]/g, ''));
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
