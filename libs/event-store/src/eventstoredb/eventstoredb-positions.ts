import type { Position } from '@eventstore/db-client';

/**
 * Port positions for EventStoreDB's $all positions (byte offsets in its transaction log).
 * The server only accepts offsets where an event starts, yet readers ask for "the event at p"
 * and "whatever comes after p" as p + 1. So an event at offset e gets the even port position
 * 2e + 2; an odd p means "just after the event at p - 1". 0 stays "before everything".
 * Events written by gRPC appends have equal commit and prepare positions.
 */
export function toPortPosition(position: Position): bigint {
  return position.commit * 2n + 2n;
}

export function toServerPosition(portPosition: bigint): Position {
  const offset = (portPosition - 2n) / 2n;
  return { commit: offset, prepare: offset };
}

/** Where a forward read that includes `from` starts, and whether its first event is to be skipped. */
export function readStartFor(from: bigint): { start: Position | 'start'; skipExact?: bigint } {
  if (from <= 2n) return { start: 'start' };
  if (from % 2n === 0n) return { start: toServerPosition(from) };
  return { start: toServerPosition(from - 1n), skipExact: from - 1n };
}

/** The server position a subscription delivering the events after `after` starts from. */
export function subscribeStartFor(after: bigint): Position | 'start' {
  if (after < 2n) return 'start';
  return toServerPosition(after % 2n === 0n ? after : after - 1n);
}
