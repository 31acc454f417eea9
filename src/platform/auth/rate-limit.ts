// A fixed-window counter per key (client address, email), kept in memory: enough to stop a
// password-guessing loop against one process. Server mode with several web processes will
// move it to the shared store.

export interface RateLimitOptions {
  /** How many hits a key may make in one window. */
  limit: number;
  windowMs: number;
}

export class RateLimiter {
  readonly #options: RateLimitOptions;
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(options: RateLimitOptions) {
    this.#options = options;
  }

  /** Seconds to wait before `key` may try again; 0 when it may try now. */
  retryAfter(key: string, now: number): number {
    const window = this.#windows.get(key);
    if (!window || now - window.start >= this.#options.windowMs) return 0;
    return window.count >= this.#options.limit ? Math.ceil((window.start + this.#options.windowMs - now) / 1000) : 0;
  }

  hit(key: string, now: number): void {
    const window = this.#windows.get(key);
    if (!window || now - window.start >= this.#options.windowMs) {
      this.#windows.set(key, { start: now, count: 1 });
      if (this.#windows.size > 100_000) this.#sweep(now);
      return;
    }
    window.count += 1;
  }

  reset(key: string): void {
    this.#windows.delete(key);
  }

  #sweep(now: number): void {
    for (const [key, window] of this.#windows) if (now - window.start >= this.#options.windowMs) this.#windows.delete(key);
  }
}
