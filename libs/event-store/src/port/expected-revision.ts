/**
 * What the writer believes about the stream before appending:
 * - 'any': no check;
 * - 'no_stream': the stream must not exist;
 * - 'stream_exists': the stream must have at least one event;
 * - a bigint: the revision of the stream's last event must be exactly this.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** The last revision of a stream, or undefined when it has no events. */
export function satisfiesExpectedRevision(
  expected: ExpectedRevision,
  current: bigint | undefined,
): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === undefined;
    case 'stream_exists':
      return current !== undefined;
    default:
      return current === expected;
  }
}

export function describeRevision(revision: ExpectedRevision | bigint | undefined): string {
  return revision === undefined ? 'no stream' : String(revision);
}
