import { getEventListeners } from 'node:events';
import { AppendSignal } from './append-signal';

/** A stand-in for SQLite's data_version: counts reads, changes when told. */
function dataVersion() {
  const source = { version: 1, reads: 0, failing: false };
  const read = () => {
    source.reads += 1;
    if (source.failing) throw new Error('The database connection is not open');
    return source.version;
  };
  return { source, read };
}

const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
};

describe('AppendSignal', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('polls data_version only while a subscription is open, with one timer however many are open', () => {
    const { source, read } = dataVersion();
    const signal = new AppendSignal(read, 100);
    jest.advanceTimersByTime(1000);
    expect(source.reads).toBe(0);
    const releaseA = signal.open();
    const releaseB = signal.open();
    expect(source.reads).toBe(1);
    jest.advanceTimersByTime(300);
    expect(source.reads).toBe(4);
    releaseA();
    releaseA();
    jest.advanceTimersByTime(100);
    expect(source.reads).toBe(5);
    releaseB();
    jest.advanceTimersByTime(1000);
    expect(source.reads).toBe(5);
    signal.open();
    jest.advanceTimersByTime(100);
    expect(source.reads).toBe(7);
    signal.stop();
  });

  it('wakes waiters when another connection commits (data_version moves), not before', async () => {
    const { source, read } = dataVersion();
    const signal = new AppendSignal(read, 100);
    signal.open();
    const waiting = signal.next(new AbortController().signal);
    jest.advanceTimersByTime(300);
    expect(await settled(waiting)).toBe(false);
    source.version = 2;
    jest.advanceTimersByTime(100);
    expect(await settled(waiting)).toBe(true);
    const again = signal.next(new AbortController().signal);
    jest.advanceTimersByTime(300);
    expect(await settled(again)).toBe(false);
    signal.stop();
  });

  it('wakes every waiter on notify, and each wait leaves no abort listener behind', async () => {
    const signal = new AppendSignal(dataVersion().read, 100);
    const aborts = [new AbortController(), new AbortController()];
    const waits = aborts.map((a) => signal.next(a.signal));
    signal.notify();
    expect(await Promise.all(waits.map(settled))).toEqual([true, true]);
    for (const a of aborts) expect(getEventListeners(a.signal, 'abort')).toHaveLength(0);
  });

  it('wakes a waiter when its subscription is aborted, and at once when it already is', async () => {
    const signal = new AppendSignal(dataVersion().read, 100);
    const abort = new AbortController();
    const waiting = signal.next(abort.signal);
    expect(await settled(waiting)).toBe(false);
    abort.abort();
    expect(await settled(waiting)).toBe(true);
    expect(await settled(signal.next(abort.signal))).toBe(true);
  });

  it('stop wakes everyone and ends polling', async () => {
    const { source, read } = dataVersion();
    const signal = new AppendSignal(read, 100);
    signal.open();
    const waiting = signal.next(new AbortController().signal);
    signal.stop();
    expect(await settled(waiting)).toBe(true);
    const reads = source.reads;
    jest.advanceTimersByTime(1000);
    expect(source.reads).toBe(reads);
  });

  it('keeps quiet when data_version cannot be read while the database closes', async () => {
    const { source, read } = dataVersion();
    const signal = new AppendSignal(read, 100);
    signal.open();
    const waiting = signal.next(new AbortController().signal);
    source.failing = true;
    expect(() => jest.advanceTimersByTime(200)).not.toThrow();
    expect(await settled(waiting)).toBe(false);
    signal.stop();
  });
});
