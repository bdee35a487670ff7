/** A subscription as graphql-ws sends it (urql's request, the query as text). */
export interface SubscriptionPayload {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string | null;
  extensions?: Record<string, unknown>;
}

/** Whether the operation declares `$name` (a document opts in to resuming by declaring `$after` or `$current`). */
function declares(query: string, name: string): boolean {
  return new RegExp(`\\$${name}\\s*:`).test(query);
}

/** The `sequence` of a result's root field, when it has one (`placementRequestUpdated { sequence }`). */
function sequenceOf(result: unknown): bigint | null {
  const data = (result as { data?: Record<string, unknown> | null } | null)?.data;
  for (const value of Object.values(data ?? {})) {
    const sequence = (value as { sequence?: unknown } | null)?.sequence;
    if (typeof sequence === 'string' && /^\d+$/.test(sequence)) return BigInt(sequence);
  }
  return null;
}

/**
 * One subscription that picks up where it left off when the socket comes back (issue 15: a
 * reconnecting client got none of the updates made while it was away). graphql-ws re-sends the
 * same payload object on every reconnect, so this keeps that payload and, once the socket has
 * closed, changes its variables for the next send:
 * - `after`: the highest `sequence` this subscription has seen, so the API first sends every
 *   request that changed since (a subscription that saw none yet has nothing to resume from);
 * - `current: true`: the API first sends every followed facility as it is now, so counts changed
 *   while the socket was down are re-derived.
 * The first subscribe goes without either: the screen has just read what it shows.
 */
export class ResumableSubscription {
  /** What graphql-ws sends, now and on each reconnect. */
  readonly payload: SubscriptionPayload;
  private lastSequence: bigint | null = null;
  private readonly resumesAfter: boolean;
  private readonly resumesCurrent: boolean;

  constructor(request: SubscriptionPayload) {
    this.payload = { ...request, variables: { ...request.variables } };
    this.resumesAfter = declares(request.query, 'after');
    this.resumesCurrent = declares(request.query, 'current');
  }

  /** A result arrived: remember how far this subscription has seen. */
  seen(result: unknown): void {
    const sequence = sequenceOf(result);
    // Compared as integers (the API's advice): "10" comes after "9".
    if (sequence !== null && (this.lastSequence === null || sequence > this.lastSequence)) this.lastSequence = sequence;
  }

  /** The socket closed: the next send of this subscription is a reconnect, and asks for what it missed. */
  socketClosed(): void {
    const variables = { ...this.payload.variables };
    if (this.resumesAfter && this.lastSequence !== null) variables.after = this.lastSequence.toString();
    if (this.resumesCurrent) variables.current = true;
    this.payload.variables = variables;
  }
}
