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

/**
 * One string per submission, the same for every way of saying the same thing: object keys sorted at
 * every depth, lists of plain values in order, and a field given as null, as an empty list or at the
 * value the service fills in anyway (a group of 1, no route decision yet) left out, as if not sent
 * (red team, issue 15: a resend with explicit nulls made a second request).
 */
export function canonicalSubmission(submission: ImplicitRetrySubmission): string {
  return canonicalJson({
    kind: submission.kind,
    caller: submission.caller.trim().toLowerCase(),
    payload: withoutDefaults(submission.payload),
  });
}

/** The values the service fills in for a field not sent: sending them says nothing more. */
const FILLED_IN: Readonly<Record<string, unknown>> = { groupSize: 1, routeDecided: false };

/** `value` with nulls, empty lists and filled-in defaults left out, and lists of plain values sorted. */
function withoutDefaults(value: unknown): unknown {
  if (Array.isArray(value)) {
    const list = value.map(withoutDefaults);
    return list.every((entry) => typeof entry !== 'object' || entry === null) ? [...list].sort() : list;
  }
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(
        ([key, entry]) =>
          entry !== null &&
          entry !== undefined &&
          !(Array.isArray(entry) && entry.length === 0) &&
          !(key in FILLED_IN && FILLED_IN[key] === entry),
      )
      .map(([key, entry]) => [key, withoutDefaults(entry)]),
  );
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

/**
 * Whether a submission under a clientReference already used is a retry of the stored request, or
 * another person under the same reference (a client's mistake that would otherwise leave her
 * unrequested). Who she is decides: her profile as it was first sent (or each member's), the region
 * and the group's size; what the workflow itself changes since (kinds, urgency) does not. A retry
 * repeats what was sent, so a profile changed since is compared as it was first sent
 * (`profileAsFirstSent`): comparing only what no change can touch would let another woman of the
 * same gender pass for her (red team, fifth pass H1). A field given as null and one left out agree,
 * as do lists in another order.
 */
export function sameSubmissionUnderReference(
  stored: {
    /** Her profile as first sent; null once erased after retention. */
    profile: object | null;
    members: readonly { profile: object }[] | null;
    regionCode: string;
    groupSize: number;
  },
  asked: { profile: object; members: readonly { profile: object }[] | null; regionCode: string; groupSize: number },
): boolean {
  if (stored.regionCode !== asked.regionCode || stored.groupSize !== asked.groupSize) return false;
  if (!stored.profile) return true; // erased after retention: nothing left to compare
  if (comparable(stored.profile) !== comparable(asked.profile)) return false;
  const members = (list: readonly { profile: object }[] | null) => (list ?? []).map((member) => comparable(member.profile));
  return canonicalJson(members(stored.members)) === canonicalJson(members(asked.members));
}

/**
 * The profile as first sent, from the profile now and the changes made since (oldest first), each
 * with the values of the fields it changed as they were before it. Null when a change's values are
 * gone (erased with the profile): what was sent can no longer be told.
 */
export function profileAsFirstSent<P extends object>(
  current: P,
  changes: readonly { before: Record<string, unknown> | null }[],
): P | null {
  const profile = { ...current } as Record<string, unknown>;
  for (const change of [...changes].reverse()) {
    if (!change.before) return null;
    Object.assign(profile, change.before);
  }
  return profile as unknown as P;
}

/** Canonical JSON of a profile (or member), as a submission is compared: see withoutDefaults. */
function comparable(value: unknown): string {
  return canonicalJson(withoutDefaults(value));
}
