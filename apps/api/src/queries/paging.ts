import { BadRequestException } from '@nestjs/common';

/**
 * Cursor paging over a stable order: the cursor is the sort key of the last item returned,
 * opaque to clients (base64url JSON), so pages never skip or repeat while data grows.
 */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): unknown[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((k) => ['string', 'number'].includes(typeof k))) return key;
  } catch {
    // fall through to the 400 below
  }
  throw new BadRequestException({
    code: 'validation-failed',
    message: 'invalid request: cursor is not one this API returned',
    details: [{ field: 'cursor', problems: ['not a cursor returned by this API'] }],
  });
}

export interface Page<T> {
  items: T[];
  /** Pass as ?cursor= for the next page; absent on the last page. */
  nextCursor?: string;
  /** The log position these items reflect. */
  position: string;
}

/** Builds a page from `limit + 1` fetched rows: the extra row only says whether more exist. */
export function toPage<T>(rows: T[], limit: number, sortKey: (row: T) => unknown[], position: string): Page<T> {
  const items = rows.slice(0, limit);
  const page: Page<T> = { items, position };
  if (rows.length > limit) page.nextCursor = encodeCursor(sortKey(items[items.length - 1]));
  return page;
}
