/**
 * A validated DTO instance as plain JSON data (no class prototypes, no undefined fields),
 * the form events carry.
 */
export function plain<T extends object>(dto: T): { [K in keyof T]: T[K] } {
  return JSON.parse(JSON.stringify(dto));
}
