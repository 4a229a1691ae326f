import { OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';

/** One tracker's hits under one throttler: expiry times in the order they were made. */
interface Window {
  expiries: number[];
  /** Index of the oldest hit still live: hits before it have expired. */
  head: number;
  blockedUntil: number;
}

const SWEEP_EVERY_MS = 60_000;

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * The rate limiter's memory: at most `limit` hits per tracker within any `ttl`, then blocked
 * for `blockDuration` — the semantics of @nestjs/throttler's in-memory storage, at O(1)
 * amortised per request. That storage filters every live hit on every request and takes
 * `Math.min(...hits)`, so its cost grows with the limit and a limit above ~125,000 a minute
 * throws RangeError (measured in the profile behind docs/benchmarks.md). Hits expire in the
 * order they were made, so expired ones are dropped from the front.
 */
export class SlidingWindowThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly windows = new Map<string, Window>();
  private sweeper?: NodeJS.Timeout;

  constructor(private readonly now: () => number = Date.now) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    this.startSweeping();
    const id = `${throttlerName}\u0000${key}`;
    let window = this.windows.get(id);
    if (!window) this.windows.set(id, (window = { expiries: [], head: 0, blockedUntil: 0 }));
    if (window.blockedUntil > now) {
      return { totalHits: live(window) + 1, timeToExpire: seconds(window.blockedUntil - now), isBlocked: true, timeToBlockExpire: seconds(window.blockedUntil - now) };
    }
    if (window.blockedUntil > 0) {
      // A block that ended starts a fresh window, as the library's storage does.
      window.expiries = [];
      window.head = 0;
      window.blockedUntil = 0;
    }
    dropExpired(window, now);
    window.expiries.push(now + ttl);
    const totalHits = live(window);
    if (totalHits > limit) {
      window.blockedUntil = now + blockDuration;
      return { totalHits, timeToExpire: seconds(window.expiries[window.head] - now), isBlocked: true, timeToBlockExpire: seconds(blockDuration) };
    }
    return { totalHits, timeToExpire: seconds(window.expiries[window.head] - now), isBlocked: false, timeToBlockExpire: 0 };
  }

  /** Trackers currently remembered (for tests: idle ones are forgotten by the sweep). */
  get size(): number {
    return this.windows.size;
  }

  /** Forgets trackers with no live hit and no block, so one-off client addresses don't accumulate. */
  sweep(): void {
    const now = this.now();
    for (const [id, window] of this.windows) {
      dropExpired(window, now);
      if (window.blockedUntil <= now && live(window) === 0) this.windows.delete(id);
    }
  }

  onApplicationShutdown(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
    this.windows.clear();
  }

  private startSweeping(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => this.sweep(), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }
}

function live(window: Window): number {
  return window.expiries.length - window.head;
}

function dropExpired(window: Window, now: number): void {
  const { expiries } = window;
  while (window.head < expiries.length && expiries[window.head] <= now) window.head += 1;
  // Compact once the dead prefix is at least half the array: amortised O(1) per hit.
  if (window.head > 64 && window.head * 2 >= expiries.length) {
    window.expiries = expiries.slice(window.head);
    window.head = 0;
  }
}

function seconds(ms: number): number {
  return Math.max(0, Math.ceil(ms / 1000));
}
