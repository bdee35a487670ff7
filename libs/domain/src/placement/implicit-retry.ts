/**
 * A submission without clientReference is recognised as a retry by what it asks for: the same
 * caller sending the same payload again shortly after (a timeout, a reconnect, a double click)
 * means the same person. Two different people with identical payloads (eight men from one raid,
 * registered one by one) are told apart by the caller with a distinct clientReference each, or sent
 * as one group (groupSize / members): the canonical form is only used when no clientReference is given.
 */
export interface ImplicitRetrySubmission {
  /** Which call: a placement request and a noodbed request for the same payload are different submissions. */
  kind: 'placement' | 'noodbed';
  /** The caller: the token subject, as the separation of duties compares it (trimmed, lower case). */
  caller: string;
  /** The submission's fields as received (profile, urgency, region, types, group, members…). */
  payload: unknown;
}

/** One string per submission: object keys sorted at every depth, so key order never makes two submissions differ. */
export function canonicalSubmission(submission: ImplicitRetrySubmission): string {
  return canonicalJson({
    kind: submission.kind,
    caller: submission.caller.trim().toLowerCase(),
    payload: submission.payload,
  });
}

/** JSON with sorted keys; `undefined` members are left out (as JSON.stringify does), so an absent and an undefined field agree. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** The earliest creation time a stored submission may have to count as the one retried now; null when the window is off. */
export function implicitRetrySince(now: Date, windowSeconds: number): Date | null {
  return windowSeconds > 0 ? new Date(now.getTime() - windowSeconds * 1000) : null;
}
