/** The one error shape of the API (DESIGN section 8). */
export interface ErrorBody {
  error: string;
  code: string;
  message: string;
  details?: unknown;
}
