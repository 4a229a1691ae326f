import { StoredEvent } from '@c2g/event-store';

/** Views a stored event as the domain's event union (projections switch on `type`). */
export function domainEvent<E extends { type: string; data: unknown }>(stored: StoredEvent): E {
  return { type: stored.type, data: stored.data } as E;
}
