import { createHash } from 'node:crypto';
import { extraRatePoints } from '../graphql/operation-cost';

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

/** Paths that serve data and so count against the caller's limit: GraphQL (any method), the exports and FHIR. */
export function isRateLimitedPath(path: string): boolean {
  const normalised = normalisedPath(path);
  return (
    normalised === '/graphql' ||
    normalised.startsWith('/export/') ||
    normalised === '/export' ||
    normalised.startsWith('/fhir/') ||
    normalised === '/fhir'
  );
}

/** The `facilities` query's cost (operation-cost.ts): the whole register, one row per facility. */
const REGISTER_COST = 200;

/**
 * What one request draws from the caller's budget. GraphQL draws the rest of its cost once it is
 * known (operation-cost.ts); the open-standard exports of the register (HSDS, FHIR) answer what a
 * `facilities` query answers and draw what it does, so they are no cheaper way to read the register.
 */
export function ratePointsOf(path: string): number {
  const normalised = normalisedPath(path);
  const register = normalised.startsWith('/export/hsds/') || (normalised.startsWith('/fhir/') && normalised !== '/fhir/metadata');
  return 1 + (register ? extraRatePoints(REGISTER_COST) : 0);
}
