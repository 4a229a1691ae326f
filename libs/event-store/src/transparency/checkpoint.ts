import { NoteSigner, openSignedNote, SignedNoteError, VerifierKey } from './signed-note';

/** A signed tree head: the log had `treeSize` events with this root at `timestamp`. */
export interface Checkpoint {
  origin: string;
  treeSize: number;
  /** 32 bytes, hex in JSON. */
  rootHash: Buffer;
  /** ISO-8601, when it was signed. */
  timestamp: string;
}

/**
 * The C2SP tlog-checkpoint body (https://c2sp.org/tlog-checkpoint): origin, tree size, base64
 * root hash, then one extension line carrying the signing time.
 */
export function checkpointText({ origin, treeSize, rootHash, timestamp }: Checkpoint): string {
  return `${origin}\n${treeSize}\n${rootHash.toString('base64')}\ntimestamp ${timestamp}\n`;
}

export function signCheckpoint(signer: NoteSigner, checkpoint: Checkpoint): string {
  return signer.sign(checkpointText(checkpoint));
}

/** Checks the signature, then parses the body; throws SignedNoteError naming what is wrong. */
export function openCheckpoint(note: string, verifier: VerifierKey): Checkpoint {
  const lines = openSignedNote(note, verifier).split('\n');
  const [origin, size, root, ...extensions] = lines.slice(0, -1);
  const rootHash = Buffer.from(root ?? '', 'base64');
  if (!origin || !/^(0|[1-9]\d*)$/.test(size ?? '') || rootHash.length !== 32 || rootHash.toString('base64') !== root) {
    throw new SignedNoteError('the note is not a checkpoint (origin, tree size, base64 root hash)');
  }
  const timestamp = extensions.find((line) => line.startsWith('timestamp '))?.slice('timestamp '.length) ?? '';
  return { origin, treeSize: Number(size), rootHash, timestamp };
}
