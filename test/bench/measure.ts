import { exited, runTs } from '../support/run-ts';

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `trial` for the baseline and the subject alternately, `rounds` times each, and returns both medians. */
export async function alternate(rounds: number, baseline: () => Promise<number>, subject: () => Promise<number>) {
  const b: number[] = [];
  const s: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    b.push(await baseline());
    s.push(await subject());
  }
  return { baseline: median(b), subject: median(s) };
}

/** Runs a bench worker (a TypeScript file of this repo) in its own process and returns the JSON it prints. */
export async function runWorker<T>(script: string, args: string[]): Promise<T> {
  const child = runTs(script, args);
  let output = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  if ((await exited(child)) !== 0) throw new Error(`${script} failed: ${errors.slice(0, 500)}`);
  return JSON.parse(output) as T;
}
