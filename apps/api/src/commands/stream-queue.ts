/**
 * Serialises work per stream within this process: a task runs once every task queued
 * before it on any of its streams has settled. Commands on one hot stream then read,
 * decide and append one after another instead of racing and re-deciding; only writers in
 * other processes can still conflict. Tasks wait only on tasks queued earlier, so a task
 * over several streams cannot deadlock with another.
 */
export class StreamQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(streamIds: readonly string[], task: () => Promise<T>): Promise<T> {
    const keys = [...new Set(streamIds)];
    const before = keys.map((key) => this.tails.get(key)).filter((tail): tail is Promise<void> => tail !== undefined);
    const result = (before.length === 0 ? Promise.resolve() : Promise.all(before)).then(task);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    for (const key of keys) this.tails.set(key, settled);
    void settled.then(() => {
      for (const key of keys) if (this.tails.get(key) === settled) this.tails.delete(key);
    });
    return result;
  }

  /** Streams with work queued or running (for tests and diagnostics). */
  get busyStreams(): number {
    return this.tails.size;
  }
}
