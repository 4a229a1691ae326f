/**
 * Wakes subscriptions when new events may exist: at once after an in-process commit, and
 * by polling SQLite's data_version (which changes when another connection commits) so that
 * appends made by another process on the same file (the CLI importing while the server
 * runs) are seen too. Polling runs only while a subscription is open; it starts before the
 * subscription's first read, so no foreign commit can slip between a read and a wait.
 */
export class AppendSignal {
  private waiters = new Set<() => void>();
  private openSubscriptions = 0;
  private timer: NodeJS.Timeout | undefined;
  private lastSeenVersion = 0;

  constructor(
    private readonly readDataVersion: () => number,
    private readonly pollIntervalMs: number,
  ) {}

  /** A subscription starts listening; call the returned function when it ends. */
  open(): () => void {
    this.openSubscriptions += 1;
    if (!this.timer) {
      this.lastSeenVersion = this.readDataVersion();
      this.timer = setInterval(() => this.poll(), this.pollIntervalMs);
      this.timer.unref();
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.openSubscriptions -= 1;
      if (this.openSubscriptions === 0) this.stopPolling();
    };
  }

  /**
   * Resolves at the next in-process commit or foreign change, or when `aborted` fires. Each
   * wait leaves nothing behind once it resolves (a long-lived subscription waits thousands of
   * times): the abort listener is removed with the waiter.
   */
  next(aborted: AbortSignal): Promise<void> {
    if (aborted.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const wake = () => {
        this.waiters.delete(wake);
        aborted.removeEventListener('abort', wake);
        resolve();
      };
      this.waiters.add(wake);
      aborted.addEventListener('abort', wake, { once: true });
    });
  }

  notify(): void {
    for (const wake of [...this.waiters]) wake();
  }

  stop(): void {
    this.notify();
    this.stopPolling();
  }

  private poll(): void {
    let version: number;
    try {
      version = this.readDataVersion();
    } catch {
      return; // the database is closing; stop() follows
    }
    if (version !== this.lastSeenVersion) {
      this.lastSeenVersion = version;
      this.notify();
    }
  }

  private stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
