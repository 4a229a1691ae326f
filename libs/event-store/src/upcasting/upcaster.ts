/**
 * Turns the data of an event stored under an older schema version into the next version's
 * shape. Stored events are never rewritten: old versions are upcast every time they are read.
 */
export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast(data: unknown): unknown;
}
