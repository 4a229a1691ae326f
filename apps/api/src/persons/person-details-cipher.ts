import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SealedPersonDetails } from '@c2g/domain';

export interface PersonDetails {
  name: string;
  email?: string;
  phone?: string;
}

/**
 * AES-256-GCM with a fresh 96-bit nonce per sealing; the person id is the associated data,
 * so details sealed for one person cannot be passed off as another's.
 */
export function sealPersonDetails(personId: string, details: PersonDetails, key: Buffer): SealedPersonDetails {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(personId, 'utf8'));
  const plain = JSON.stringify({ name: details.name, email: details.email, phone: details.phone });
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return { alg: 'A256GCM', iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Throws when the key, the person id or the ciphertext does not match (GCM's tag check). */
export function openPersonDetails(personId: string, sealed: SealedPersonDetails, key: Buffer): PersonDetails {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(personId, 'utf8'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  const plain = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
  const parsed = JSON.parse(plain) as PersonDetails;
  return { name: parsed.name, ...(parsed.email ? { email: parsed.email } : {}), ...(parsed.phone ? { phone: parsed.phone } : {}) };
}
