/** A refusal or a failed check, told to the operator as one line (no stack trace), exit code 1. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}
