/** What every list query takes: a page size and the id to continue after (exclusive). */
export interface PageRequest {
  limit: number;
  afterId?: string;
}

/** Builds `WHERE … AND id > ? ORDER BY id LIMIT limit+1` (one row more says another page exists). */
export function pagedSelect(
  from: string,
  idColumn: string,
  conditions: [string, unknown][],
  page: PageRequest,
): { sql: string; params: unknown[] } {
  const active = conditions.filter(([, value]) => value !== undefined && value !== '');
  if (page.afterId) active.push([`${idColumn} > ?`, page.afterId]);
  const where = active.length ? ` WHERE ${active.map(([clause]) => clause).join(' AND ')}` : '';
  return { sql: `SELECT * FROM ${from}${where} ORDER BY ${idColumn} LIMIT ?`, params: [...active.map(([, v]) => v), page.limit + 1] };
}
