/**
 * Fault injection FOR TESTS ONLY: crash tests set `C2G_FAULT_POINT=<point>:<n>` on a child
 * process, and the n-th time that process reaches `faultPoint('<point>')` it SIGKILLs itself on
 * the spot — no `finally`, no rollback by JavaScript, no flush: exactly a power cut from the
 * database's point of view, but at a chosen place instead of a random moment.
 *
 * The variable is read once, when this module loads; unset (always, outside tests) a fault
 * point costs one comparison. Points in the code:
 * - `projection-before-checkpoint` (projections/src/runner/projection-slot.ts): right before a
 *   read model writes its checkpoint, i.e. after a batch's rows are written, inside the batch's
 *   transaction (test/reliability/projection-crash.int.spec.ts). It is bound to the checkpoint
 *   statement, so it stays "between the rows and the checkpoint" wherever that write moves.
 * - `command-between-steps` (apps/api/src/commands/stream-command-executor.ts): a command over
 *   several streams (creating a pairing) has written one stream and not the next.
 */
export const FAULT_POINT_ENV = 'C2G_FAULT_POINT';

const armed = parse(process.env[FAULT_POINT_ENV]);
let reached = 0;

/** Kills this process when it is the armed point's n-th visit; does nothing otherwise. */
export function faultPoint(point: string): void {
  if (armed === undefined || armed.point !== point) return;
  reached += 1;
  if (reached === armed.visit) process.kill(process.pid, 'SIGKILL');
}

function parse(value: string | undefined): { point: string; visit: number } | undefined {
  if (value === undefined || value === '') return undefined;
  const match = /^([a-z0-9-]+):([1-9][0-9]*)$/.exec(value);
  if (!match) throw new Error(`${FAULT_POINT_ENV} must look like <point>:<n> (n from 1), got "${value}"`);
  return { point: match[1], visit: Number(match[2]) };
}
