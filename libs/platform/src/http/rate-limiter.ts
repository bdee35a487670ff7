import { createHash } from 'node:crypto';

/**
 * Fixed-window request counting per caller (a hash of the bearer token, else the client address).
 * Kept in each API process's memory: with N processes behind a balancer a caller gets at most N×
 * the limit, which still stops a runaway script; a shared limit would need Redis on every request.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request; returns how many seconds to wait when over the limit, else 0. */
  take(key: string): number {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (this.windows.size > 50_000) this.prune(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    return window.count > this.limit ? Math.ceil((window.start + this.windowMs - now) / 1000) : 0;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}

/** The caller's key: never the token itself (it must not sit in memory dumps or logs as such). */
export function callerKey(authorization: string | undefined, address: string | undefined): string {
  return authorization ? `t:${createHash('sha256').update(authorization).digest('base64url')}` : `a:${address ?? 'unknown'}`;
}
