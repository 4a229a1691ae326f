import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CheckpointView, openCheckpoint, parseVerifierKey, verifyConsistency } from '@c2g/event-store';
import { remoteGet } from '../remote';

export interface WitnessOptions {
  url: string;
  key: string;
  state: string;
  apiKey?: string;
}

const FORK_BANNER = '!!! FORK: THE LOG DOES NOT EXTEND WHAT THIS WITNESS SAW BEFORE !!!';

/**
 * One round of witnessing: fetch the latest checkpoint, check its signature with the pinned
 * key, and check it extends the last checkpoint kept in --state (same root at the same size,
 * or a consistency proof verified here). Only then is it kept. A fork is refused: the state is
 * left as it was and the offending checkpoint is kept as evidence next to it.
 */
export async function witnessOnce(options: WitnessOptions): Promise<{ ok: boolean; lines: string[] }> {
  const verifier = parseVerifierKey(options.key);
  const remote = { url: options.url, key: options.apiKey };
  const latest = (await remoteGet(remote, '/audit/checkpoint')) as CheckpointView;
  const next = openCheckpoint(latest.note, verifier); // throws when not signed by the pinned key
  mkdirSync(options.state, { recursive: true });
  const stateFile = join(options.state, 'checkpoint.json');
  const keep = () => {
    writeFileSync(`${stateFile}.tmp`, `${JSON.stringify(latest, null, 2)}\n`);
    renameSync(`${stateFile}.tmp`, stateFile);
    appendFileSync(join(options.state, 'history.jsonl'), `${JSON.stringify(latest)}\n`);
  };
  if (!existsSync(stateFile)) {
    keep();
    return { ok: true, lines: [`first checkpoint kept: size ${next.treeSize}, root ${next.rootHash.toString('hex')} (signed ${next.timestamp})`] };
  }
  const seen = openCheckpoint((JSON.parse(readFileSync(stateFile, 'utf8')) as CheckpointView).note, verifier);
  const fork = (why: string) => {
    const evidence = join(options.state, `fork-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(evidence, `${JSON.stringify(latest, null, 2)}\n`);
    return { ok: false, lines: [FORK_BANNER, why, `last seen: size ${seen.treeSize}, root ${seen.rootHash.toString('hex')} (signed ${seen.timestamp})`, `offered:   size ${next.treeSize}, root ${next.rootHash.toString('hex')} (signed ${next.timestamp})`, `the offered checkpoint is kept as evidence in ${evidence}; the witness state is unchanged`] };
  };
  if (next.treeSize < seen.treeSize) return fork(`the log shrank from ${seen.treeSize} to ${next.treeSize} events`);
  if (next.treeSize === seen.treeSize) {
    if (!next.rootHash.equals(seen.rootHash)) return fork(`two different roots were signed for ${next.treeSize} events`);
    return { ok: true, lines: [`unchanged: size ${next.treeSize}, root ${next.rootHash.toString('hex')}`] };
  }
  const proof = (await remoteGet(remote, `/audit/consistency?from=${seen.treeSize}&to=${next.treeSize}`)) as { proof: string[] };
  const hashes = proof.proof.map((hash) => Buffer.from(hash, 'hex'));
  if (!verifyConsistency(seen.treeSize, next.treeSize, hashes, seen.rootHash, next.rootHash)) {
    return fork(`the consistency proof from ${seen.treeSize} to ${next.treeSize} does not verify: the first ${seen.treeSize} events were rewritten, removed or reordered`);
  }
  keep();
  return { ok: true, lines: [`consistent: ${seen.treeSize} → ${next.treeSize} events (proof of ${hashes.length} hashes verified); kept root ${next.rootHash.toString('hex')}`] };
}
