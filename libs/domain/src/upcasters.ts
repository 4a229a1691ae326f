/**
 * How events stored under an older schema version are read in today's shape: one step per
 * version (type, fromVersion → fromVersion + 1). Add an entry whenever schema-versions.ts
 * bumps a type; stored events are never rewritten. Every event type is at version 1 so far.
 */
export interface EventUpcaster {
  type: string;
  fromVersion: number;
  upcast(data: unknown): unknown;
}

export const upcasters: readonly EventUpcaster[] = [];
