import { BadRequestException } from '@nestjs/common';
import { AsOf } from '@c2g/projections';
import { isIsoDate } from '../dto/iso-date';

/**
 * `?asOf=` is a log position (digits), a date (the end of that day, UTC) or an ISO
 * date-time; anything else is a 400.
 */
export function parseAsOf(value: string | undefined): AsOf | undefined {
  if (value === undefined) return undefined;
  if (/^\d{1,15}$/.test(value)) return { position: BigInt(value) };
  if (isIsoDate(value)) return { until: `${value}T23:59:59.999Z` };
  const instant = Date.parse(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(instant)) return { until: new Date(instant).toISOString() };
  throw new BadRequestException({
    code: 'validation-failed',
    message: 'invalid request: asOf must be a log position, a date (YYYY-MM-DD) or an ISO date-time',
    details: [{ field: 'asOf', problems: ['must be a log position, a date or an ISO date-time'] }],
  });
}
