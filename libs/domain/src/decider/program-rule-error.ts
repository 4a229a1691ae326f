/**
 * A command refused by a program rule. `code` is machine-readable and stable (the HTTP
 * layer answers 422 with it); `message` is for people; `details` carries the facts.
 */
export class ProgramRuleError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ProgramRuleError';
  }
}
