import { createHash } from 'node:crypto';

/**
 * Fixed-window request counting per caller (the verified subject, else the client address).
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

/**
 * Who is calling, for the rate limit: the verified subject once the token is valid, else the client
 * address. Never the raw Authorization value, which an attacker can vary at will (`Bearer junk-N`,
 * extra spaces) to get a fresh allowance with every request.
 */
export function verifiedCallerKey(subject: string | undefined, address: string | undefined): string {
  return subject ? `s:${createHash('sha256').update(subject).digest('base64url')}` : `a:${address ?? 'unknown'}`;
}

/**
 * The path as the router matches it (Express matches case-insensitively and ignores a trailing
 * slash): `/GRAPHQL/` and `//graphql` are `/graphql`.
 */
export function normalisedPath(path: string): string {
  const collapsed = path
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
    .replace(/\/+$/, '');
  return collapsed === '' ? '/' : collapsed;
}

/** Paths that serve data and so count against the caller's limit: GraphQL (any method) and the exports. */
export function isRateLimitedPath(path: string): boolean {
  const normalised = normalisedPath(path);
  return normalised === '/graphql' || normalised.startsWith('/export/') || normalised === '/export';
}
