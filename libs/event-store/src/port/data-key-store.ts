/** What the key store knows of one data key. */
export type DataKeyState = { state: 'present'; key: Buffer } | { state: 'destroyed' } | { state: 'unknown' };

/** AES-256 keys are 32 bytes. */
export const DATA_KEY_BYTES = 32;

/**
 * Per-subject data keys for crypto-shredding: personal data is stored in events only as
 * ciphertext under its subject's key, and erasing the subject destroys the key, so the
 * events (and every hash chain over them) stay while the data becomes unreadable. Each
 * event-store adapter provides one, stored beside its events (a table in the SQLite file,
 * a stream per key on EventStoreDB), so every node sharing a store shares its keys.
 */
export interface DataKeyStore {
  /**
   * The key under this id, made (random) when there is none yet; the first writer wins when
   * two nodes make it at once. Undefined when the key was destroyed: it is never made again.
   */
  provide(keyId: string): Promise<Buffer | undefined>;
  find(keyId: string): Promise<DataKeyState>;
  /** Destroys the key for good; false when no key was ever made under this id. Idempotent. */
  destroy(keyId: string): Promise<boolean>;
  close(): Promise<void>;
}
