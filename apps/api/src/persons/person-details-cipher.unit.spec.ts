import { randomBytes } from 'node:crypto';
import { openPersonDetails, sealPersonDetails } from './person-details-cipher';

describe('person details cipher (AES-256-GCM)', () => {
  const key = randomBytes(32);
  const details = { name: 'Dana Levi', email: 'dana@example.org', phone: '+972 50 000 0000' };

  it('opens what it sealed, and the sealed form holds none of the details in the clear', () => {
    const sealed = sealPersonDetails('person-1', details, key);
    expect(openPersonDetails('person-1', sealed, key)).toEqual(details);
    expect(JSON.stringify(sealed)).not.toMatch(/Dana|dana@example\.org|972/);
    expect(sealed.alg).toBe('A256GCM');
  });

  it('seals the same details differently each time (fresh nonce)', () => {
    expect(sealPersonDetails('person-1', details, key).ciphertext).not.toBe(sealPersonDetails('person-1', details, key).ciphertext);
  });

  it('refuses another key, another person id, or an altered ciphertext', () => {
    const sealed = sealPersonDetails('person-1', details, key);
    expect(() => openPersonDetails('person-1', sealed, randomBytes(32))).toThrow();
    expect(() => openPersonDetails('person-2', sealed, key)).toThrow();
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[0] ^= 1;
    expect(() => openPersonDetails('person-1', { ...sealed, ciphertext: bytes.toString('base64') }, key)).toThrow();
  });
});
