/** The HTTP bench's program: pairings pair-0 … pair-24 (communities isr-N and glob-N), set up before the load starts. */
export const PAIRINGS = 25;
