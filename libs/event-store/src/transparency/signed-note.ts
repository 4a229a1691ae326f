import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';

/**
 * Ed25519 keys and signatures in the C2SP signed-note format (https://c2sp.org/signed-note),
 * the one Go's golang.org/x/mod/sumdb/note, Sigstore and transparency-log witnesses read:
 * a key is `name+keyid+base64(0x01 ‖ public key)`, a signature line is
 * `— name base64(keyid ‖ signature)` after a blank line under the signed text.
 */
const ALG_ED25519 = 0x01;
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const SIGNATURE_DASH = '\u2014 ';

export class SignedNoteError extends Error {}

export interface VerifierKey {
  name: string;
  keyId: Buffer;
  publicKey: Buffer;
}

/** A key name is what a signature line names: printable, no spaces, no '+'. */
function assertKeyName(name: string): void {
  if (!/^[^\s+\u0000-\u001f\u007f]+$/u.test(name)) throw new SignedNoteError(`key name "${name}" must be non-empty with no spaces or '+'`);
}

/** The 4-byte key id: SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key), first four bytes. */
export function keyIdOf(name: string, publicKey: Buffer): Buffer {
  return createHash('sha256').update(name, 'utf8').update(Buffer.from([0x0a, ALG_ED25519])).update(publicKey).digest().subarray(0, 4);
}

export function parseVerifierKey(text: string): VerifierKey {
  // The base64 key may itself hold '+': split off the first two fields only.
  const [name, idHex, ...rest] = text.trim().split('+');
  const material = rest.join('+');
  if (!name || !idHex || !material) throw new SignedNoteError('a verifier key is name+keyid+base64key');
  assertKeyName(name);
  const key = Buffer.from(material, 'base64');
  if (!/^[0-9a-f]{8}$/.test(idHex) || key.length !== 33 || key[0] !== ALG_ED25519 || key.toString('base64') !== material) {
    throw new SignedNoteError('not an Ed25519 verifier key (name+8 hex digits+base64 of 0x01 and 32 bytes)');
  }
  const publicKey = key.subarray(1);
  if (keyIdOf(name, publicKey).toString('hex') !== idHex) throw new SignedNoteError('the key id does not match the key');
  return { name, keyId: Buffer.from(idHex, 'hex'), publicKey };
}

export function formatVerifierKey({ name, keyId, publicKey }: VerifierKey): string {
  return `${name}+${keyId.toString('hex')}+${Buffer.concat([Buffer.from([ALG_ED25519]), publicKey]).toString('base64')}`;
}

/** An Ed25519 signing key with a name; stored as the note format's `PRIVATE+KEY+name+keyid+base64(0x01 ‖ seed)`. */
export class NoteSigner {
  readonly verifier: VerifierKey;
  private readonly key: KeyObject;

  private constructor(readonly name: string, private readonly seed: Buffer) {
    assertKeyName(name);
    this.key = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
    const spki = createPublicKey(this.key).export({ format: 'der', type: 'spki' });
    const publicKey = Buffer.from(spki.subarray(SPKI_ED25519_PREFIX.length));
    this.verifier = { name, keyId: keyIdOf(name, publicKey), publicKey };
  }

  static generate(name: string): NoteSigner {
    const der = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' });
    return new NoteSigner(name, Buffer.from(der.subarray(PKCS8_ED25519_PREFIX.length)));
  }

  static parse(text: string): NoteSigner {
    const [private_, key_, name, idHex, ...rest] = text.trim().split('+');
    const material = rest.join('+');
    if (private_ !== 'PRIVATE' || key_ !== 'KEY' || !name || !idHex || !material) {
      throw new SignedNoteError('a signing key is PRIVATE+KEY+name+keyid+base64key');
    }
    const key = Buffer.from(material, 'base64');
    if (key.length !== 33 || key[0] !== ALG_ED25519) throw new SignedNoteError('not an Ed25519 signing key');
    const signer = new NoteSigner(name, key.subarray(1));
    if (signer.verifier.keyId.toString('hex') !== idHex) throw new SignedNoteError('the key id does not match the key');
    return signer;
  }

  get verifierKey(): string {
    return formatVerifierKey(this.verifier);
  }

  /** The secret; write it only where the private key belongs (mode 0600). */
  privateKeyText(): string {
    return `PRIVATE+KEY+${this.name}+${this.verifier.keyId.toString('hex')}+${Buffer.concat([Buffer.from([ALG_ED25519]), this.seed]).toString('base64')}`;
  }

  /** The signed note: the text, a blank line, this key's signature line. */
  sign(text: string): string {
    assertNoteText(text);
    const signature = sign(null, Buffer.from(text, 'utf8'), this.key);
    return `${text}\n${SIGNATURE_DASH}${this.name} ${Buffer.concat([this.verifier.keyId, signature]).toString('base64')}\n`;
  }
}

function assertNoteText(text: string): void {
  if (!text.endsWith('\n')) throw new SignedNoteError('note text must end with a newline');
}

/**
 * The text of a signed note, if it carries a valid signature by `verifier`; otherwise a
 * SignedNoteError saying why (malformed, not signed by this key, or a bad signature).
 */
export function openSignedNote(note: string, verifier: VerifierKey): string {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new SignedNoteError('not a signed note (text, blank line, signature lines)');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  let named = false;
  for (const line of lines) {
    if (!line.startsWith(SIGNATURE_DASH)) throw new SignedNoteError(`malformed signature line "${line.slice(0, 40)}"`);
    const [name, blob, ...rest] = line.slice(SIGNATURE_DASH.length).split(' ');
    if (rest.length || !blob) throw new SignedNoteError(`malformed signature line "${line.slice(0, 40)}"`);
    const bytes = Buffer.from(blob, 'base64');
    if (name !== verifier.name || bytes.length < 4 || !bytes.subarray(0, 4).equals(verifier.keyId)) continue;
    named = true;
    const publicKey = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, verifier.publicKey]), format: 'der', type: 'spki' });
    if (bytes.length === 68 && verify(null, Buffer.from(text, 'utf8'), publicKey, bytes.subarray(4))) return text;
  }
  throw new SignedNoteError(named ? `the signature by ${verifier.name} does not verify: the note was altered or forged` : `the note carries no signature by ${verifier.name}+${verifier.keyId.toString('hex')}`);
}
