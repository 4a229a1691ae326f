/**
 * A person's details (name, e-mail, phone) as they are stored in events: AES-256-GCM
 * ciphertext under the person's own data key, with the person id as associated data. The
 * domain never sees the plaintext; erasing the person destroys the key (crypto-shredding),
 * so the events and their hash chains stay as they are while the details become unreadable.
 */
export interface SealedPersonDetails {
  alg: 'A256GCM';
  /** base64 of the 12-byte nonce, the ciphertext and the 16-byte tag. */
  iv: string;
  ciphertext: string;
  tag: string;
}

/** Events of a `person-{id}` stream (details carried over from a pre-log install, and erasures). */
export type PersonEvent =
  | { type: 'PersonDetailsRecorded'; data: { personId: string; personDetails: SealedPersonDetails } }
  | { type: 'PersonErased'; data: { personId: string } };

export const personStreamId = (personId: string) => `person-${personId}`;
