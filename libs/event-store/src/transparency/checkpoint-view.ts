import { Checkpoint } from './checkpoint';

/** A checkpoint as the API serves it and an auditor saves it (`saved.json`). */
export interface CheckpointView {
  origin: string;
  treeSize: number;
  /** Hex; the note carries it in base64. */
  rootHash: string;
  timestamp: string;
  /** The C2SP signed note: what is actually signed, readable by standard tooling. */
  note: string;
  /** The key that signed it, `name+keyid+base64`. Pin it: do not trust the one a checkpoint names. */
  verifierKey: string;
}

export function checkpointView(checkpoint: Checkpoint, note: string, verifierKey: string): CheckpointView {
  return { origin: checkpoint.origin, treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash.toString('hex'), timestamp: checkpoint.timestamp, note, verifierKey };
}
