/** A period of time in ISO dates (YYYY-MM-DD), both ends included. */
export interface DateWindow {
  from: string;
  to: string;
}

/** The date `years` after an ISO date (YYYY-MM-DD), for commitment terms. */
export function addYears(isoDate: string, years: number): string {
  const year = Number(isoDate.slice(0, 4)) + years;
  return `${String(year).padStart(4, '0')}${isoDate.slice(4, 10)}`;
}
