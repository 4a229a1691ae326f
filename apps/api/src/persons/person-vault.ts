import { PersonEvent, personStreamId, SealedPersonDetails } from '@c2g/domain';
import { DataKeyStore, EventStore } from '@c2g/event-store';
import { v5 as uuidV5 } from 'uuid';
import { openPersonDetails, PersonDetails, sealPersonDetails } from './person-details-cipher';

const ERASURE_NAMESPACE = '3f6e2b1c-8d4a-4e7f-9c2b-5a1d0e9f8b76';

/** Shown wherever erased details would have been. */
export const ERASED = '[erased]';

/** What is known of a person's details without reading them: all an auditor may see. */
export type DetailsState = 'present' | 'erased' | 'unknown';

/**
 * Team members' personal data, crypto-shredded: details go into events sealed under the
 * person's own key (the key store beside the events), and erasure destroys the key. The
 * key store is shared by every node, so an erasure holds on every node at once.
 */
export class PersonVault {
  constructor(
    private readonly keys: DataKeyStore,
    private readonly store: EventStore,
  ) {}

  /** Undefined when the person was erased (a destroyed key is never made again). */
  async seal(personId: string, details: PersonDetails): Promise<SealedPersonDetails | undefined> {
    const key = await this.keys.provide(personId);
    return key && sealPersonDetails(personId, details, key);
  }

  async reveal(personId: string, sealed: SealedPersonDetails): Promise<PersonDetails | typeof ERASED> {
    const found = await this.keys.find(personId);
    if (found.state !== 'present') return ERASED;
    return openPersonDetails(personId, sealed, found.key);
  }

  async state(personId: string): Promise<DetailsState> {
    const found = await this.keys.find(personId);
    return found.state === 'present' ? 'present' : found.state === 'destroyed' ? 'erased' : 'unknown';
  }

  /**
   * Destroys the key, then records the erasure (PersonErased, for the audit trail and the read
   * models). Undefined for a person no key was ever made for. Erasing again records nothing new.
   */
  async erase(personId: string, metadata: Record<string, unknown>): Promise<{ position: bigint } | undefined> {
    if (!(await this.keys.destroy(personId))) return undefined;
    // One PersonErased per person, whatever the retries: its id is derived from the person, so
    // a retry after a failed append records it and a repeated erasure is the same append again.
    const event: PersonEvent = { type: 'PersonErased', data: { personId } };
    const { position } = await this.store.append(personStreamId(personId), [{ eventId: uuidV5(`${personId}/erased`, ERASURE_NAMESPACE), ...event, metadata }]);
    return { position };
  }

  close(): Promise<void> {
    return this.keys.close();
  }
}
