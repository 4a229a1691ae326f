import { canonicalize } from 'json-canonicalize';

/**
 * Whether two pieces of event data say the same thing, whatever the order of their keys
 * (a retried command may list its fields in another order than the first attempt).
 */
export function sameData(a: unknown, b: unknown): boolean {
  return canonicalize(a) === canonicalize(b);
}
