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
