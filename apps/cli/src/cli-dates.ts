const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** True for a date that exists in the calendar (2024-02-29 yes, 2024-02-30 no). */
function isCalendarDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/**
 * A date (YYYY-MM-DD) or an ISO date-time with its zone, as the CLI takes them on the command
 * line; anything else ("yesterday", 2024-02-30) is an error naming the option, never a silent
 * empty answer. `endOfDay` turns a plain date into its last millisecond (UTC).
 */
export function parseCliDate(option: string, value: string, { endOfDay = false } = {}): string {
  if (DATE.test(value) && isCalendarDate(value)) return endOfDay ? `${value}T23:59:59.999Z` : `${value}T00:00:00.000Z`;
  const dateTime = DATE_TIME.exec(value);
  if (dateTime && isCalendarDate(dateTime[1]) && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  throw new Error(`${option} "${value}" is not a date: give YYYY-MM-DD (a real calendar date) or an ISO date-time such as 2025-01-31T12:00:00Z`);
}
