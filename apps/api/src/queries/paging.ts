import { BadRequestException } from '@nestjs/common';
import { PageRequest } from '@c2g/projections';

/**
 * Cursor paging over a stable order (by id): the cursor is the id of the last item returned,
 * opaque to clients (base64url), so pages never skip or repeat while data grows.
 */
export function pageRequest(limit: number, cursor: string | undefined): PageRequest {
  if (cursor === undefined) return { limit };
  const afterId = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[A-Za-z0-9-]{1,64}$/.test(afterId)) {
    throw new BadRequestException({
      code: 'validation-failed',
      message: 'invalid request: cursor is not one this API returned',
      details: [{ field: 'cursor', problems: ['not a cursor returned by this API'] }],
    });
  }
  return { limit, afterId };
}

/** Turns `limit + 1` fetched rows into a page: the extra row only says another page exists. */
export function toPage<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor?: string } {
  const items = rows.slice(0, limit);
  return rows.length > limit
    ? { items, nextCursor: Buffer.from(items[items.length - 1].id, 'utf8').toString('base64url') }
    : { items };
}
