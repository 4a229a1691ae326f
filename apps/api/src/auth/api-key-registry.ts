import { ServiceUnavailableException } from '@nestjs/common';
import { EventStore, StoredEvent } from '@c2g/event-store';
import { ACCESS_STREAM, AccessEvent, findApiKey, ReadSide } from '@c2g/projections';
import { hashSecret, newApiKey, parseApiKey, secretMatches } from './api-key-secret';
import { Principal, Role } from './role';

/** The admin key given in C2G_ADMIN_KEY is any string; it is known under this fixed id. */
export const CONFIGURED_ADMIN_KEY_ID = 'configured-admin';

/** Who wrote an access event: the metadata every event carries (DESIGN section 4). */
export type AccessEventMetadata = Record<string, unknown> & { occurredAt: string };

/**
 * API keys as events: issuing and revoking append to the access stream (the secret's hash
 * only), and every node authenticates from its `api-keys` read model of that stream, so a
 * key issued or revoked through one node holds on all of them within the projection lag.
 * The writer waits for its own read model to reach its append (read-your-writes on that node).
 * C2G_ADMIN_KEY is checked against its hash in memory: each node is configured with it.
 */
export class ApiKeyRegistry {
  private configuredAdminHash?: string;

  constructor(
    private readonly store: EventStore,
    private readonly readSide: ReadSide,
    private readonly readWaitMs: number,
  ) {}

  /** `bootstrap`: at a start, before the read side runs: append at this revision and do not wait. */
  async issue(role: Role, label: string, metadata: AccessEventMetadata, bootstrap?: { expectedRevision: bigint | 'no_stream' }): Promise<{ key: string; principal: Principal; position: bigint }> {
    const { keyId, secret, key } = newApiKey();
    const event: AccessEvent = { type: 'ApiKeyIssued', data: { keyId, role, label, secretHash: hashSecret(secret) } };
    const { position } = await this.store.append(ACCESS_STREAM, [{ ...event, metadata }], { expectedRevision: bootstrap?.expectedRevision ?? 'any' });
    if (!bootstrap) await this.effectiveAt(position);
    return { key, principal: { keyId, role, label }, position };
  }

  /** Undefined when this node's read model knows no such key; revoking twice is a no-op success. */
  async revoke(keyId: string, metadata: AccessEventMetadata): Promise<{ position: bigint } | undefined> {
    const known = findApiKey(this.readSide.database('api-keys'), keyId);
    if (!known) return undefined;
    if (known.revoked) return { position: this.readSide.position('api-keys') };
    const event: AccessEvent = { type: 'ApiKeyRevoked', data: { keyId } };
    const { position } = await this.store.append(ACCESS_STREAM, [{ ...event, metadata }]);
    await this.effectiveAt(position);
    return { position };
  }

  /**
   * Waits until this node's api-keys read model has `position`, so the answer is true on this
   * node from then on; a 503 when it does not get there in time (the change is in the log and
   * takes effect when the read model catches up — a retry of a revocation is harmless).
   */
  private async effectiveAt(position: bigint): Promise<void> {
    if (await this.readSide.waitFor(['api-keys'], position, this.readWaitMs)) return;
    throw new ServiceUnavailableException({
      code: 'read-model-lagging',
      message: `the key change is in the log (position ${position}) but this node's api-keys read model has not reached it within ${this.readWaitMs} ms; retry shortly`,
    });
  }

  /** C2G_ADMIN_KEY: the operator's own secret, accepted on every node configured with it. */
  useConfiguredAdminKey(secret: string): void {
    this.configuredAdminHash = hashSecret(secret);
  }

  /** Reads the access stream itself (not the read model, which may not have started yet). */
  async accessState(): Promise<{ revision: bigint | undefined; activeAdmins: number }> {
    const keys = new Map<string, { role: string; revoked: boolean }>();
    let revision: bigint | undefined;
    for await (const stored of this.store.readStream(ACCESS_STREAM) as AsyncIterable<StoredEvent>) {
      revision = stored.revision;
      const event = { type: stored.type, data: stored.data } as AccessEvent;
      if (event.type === 'ApiKeyIssued') keys.set(event.data.keyId, { role: event.data.role, revoked: false });
      else if (event.type === 'ApiKeyRevoked') keys.set(event.data.keyId, { ...(keys.get(event.data.keyId) ?? { role: '' }), revoked: true });
    }
    return { revision, activeAdmins: [...keys.values()].filter((k) => k.role === 'admin' && !k.revoked).length };
  }

  authenticate(presented: string): Principal | undefined {
    const parsed = parseApiKey(presented);
    if (!parsed) {
      if (!this.configuredAdminHash || !secretMatches(presented, this.configuredAdminHash)) return undefined;
      return { keyId: CONFIGURED_ADMIN_KEY_ID, role: 'admin', label: 'C2G_ADMIN_KEY' };
    }
    const record = findApiKey(this.readSide.database('api-keys'), parsed.keyId);
    if (!record || record.revoked || !secretMatches(parsed.secret, record.secretHash)) return undefined;
    return { keyId: record.keyId, role: record.role as Role, label: record.label };
  }
}

