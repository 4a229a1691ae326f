import { canonicalize } from 'json-canonicalize';

/**
 * Checks, in the browser, that an event is in a signed checkpoint of the transparency log:
 * the leaf is recomputed from the event as the audit API shows it, and the audit path the API
 * returns must lead from it to the checkpoint's root (RFC 9162 §2.1.3.2). The server is not
 * trusted to say "verified"; only its hashes are used.
 */

const hexToBytes = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (byte) => parseInt(byte, 16));
const bytesToHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

async function sha256(...parts: Uint8Array[]): Promise<Uint8Array<ArrayBuffer>> {
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', joined));
}

const LEAF = Uint8Array.of(0x00);
const NODE = Uint8Array.of(0x01);

/** The leaf an event is in the tree as: its place, id and event hash in RFC 8785 canonical JSON. */
export async function eventLeafHash(event: { hash: string; eventId: string; position: string | number; revision: string | number; streamId: string }): Promise<string> {
  const entry = canonicalize({
    eventHash: event.hash,
    eventId: event.eventId,
    position: String(event.position),
    revision: String(event.revision),
    streamId: event.streamId,
  });
  return bytesToHex(await sha256(LEAF, new TextEncoder().encode(entry)));
}

/** Does `auditPath` lead from `leafHash` at `leafIndex` to `rootHash` in a tree of `treeSize` leaves? */
export async function verifyInclusion(leafIndex: number, treeSize: number, leafHash: string, auditPath: string[], rootHash: string): Promise<boolean> {
  if (!(Number.isSafeInteger(leafIndex) && Number.isSafeInteger(treeSize) && leafIndex >= 0 && leafIndex < treeSize)) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r: Uint8Array<ArrayBuffer> = hexToBytes(leafHash);
  for (const p of auditPath.map(hexToBytes)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = await sha256(NODE, p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await sha256(NODE, r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && bytesToHex(r) === rootHash.toLowerCase();
}
