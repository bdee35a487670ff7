import { createHash } from 'node:crypto';

/**
 * Who is calling, for the rate limit: the verified subject once the token is valid, else the client
 * address. Never the raw Authorization value, which an attacker can vary at will (`Bearer junk-N`,
 * extra spaces) to get a fresh allowance with every request.
 */
export function verifiedCallerKey(auth: { viewer?: unknown }, address: string | undefined): string {
  const subject = (auth.viewer as { sub?: unknown } | undefined)?.sub;
  return typeof subject === 'string' && subject !== ''
    ? `s:${createHash('sha256').update(subject).digest('base64url')}`
    : `a:${address ?? 'unknown'}`;
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
