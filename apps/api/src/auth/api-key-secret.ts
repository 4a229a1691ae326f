import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Keys look like `c2g_<keyId>_<secret>`: the key id finds the row, the secret is checked
 * against its SHA-256 (keys are 256-bit random, so a fast hash is enough) in constant time.
 */
const KEY_FORMAT = /^c2g_([a-z0-9]{16})_([A-Za-z0-9_-]{43})$/;

export interface ParsedApiKey {
  keyId: string;
  secret: string;
}

export function newApiKey(): { keyId: string; secret: string; key: string } {
  const keyId = randomBytes(10).toString('hex').slice(0, 16);
  const secret = randomBytes(32).toString('base64url');
  return { keyId, secret, key: `c2g_${keyId}_${secret}` };
}

export function parseApiKey(key: string): ParsedApiKey | undefined {
  const match = KEY_FORMAT.exec(key);
  return match ? { keyId: match[1], secret: match[2] } : undefined;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
