/**
 * Refusals worth auditing (every failed authentication, every FORBIDDEN), reported by the error
 * filter to whichever module keeps the audit log, without the platform depending on it.
 */
export interface SecurityEvent {
  kind: 'unauthenticated' | 'forbidden';
  actor: { sub: string; role: string; org: string } | null;
  /** The GraphQL field that was refused, e.g. `updateCapacity`. */
  operation: string | null;
  detail: string;
}

export interface SecurityEventSink {
  record(event: SecurityEvent): Promise<void>;
}

export const SECURITY_EVENT_SINK = Symbol('SECURITY_EVENT_SINK');

/**
 * Failed authentications without a valid token, summarised per client address and minute: the
 * first of a minute is written as it comes, the rest are counted and written as one summary row
 * when that address fails again in a later minute, at the periodic `flush` or at shutdown. So a
 * flood of made-up tokens costs the audit log two rows a minute per address, not one per request.
 */
export class UnauthenticatedSummary {
  private readonly minutes = new Map<string, { minute: number; suppressed: number }>();

  constructor(
    private readonly write: (event: SecurityEvent) => Promise<void>,
    private readonly now: () => number,
  ) {}

  note(event: SecurityEvent, address: string | undefined): Promise<void> {
    const client = address ?? 'unknown';
    const minute = Math.floor(this.now() / 60_000);
    const entry = this.minutes.get(client);
    if (entry && entry.minute === minute) {
      entry.suppressed += 1;
      return Promise.resolve();
    }
    const earlier = entry ? this.summarise(client, entry) : Promise.resolve();
    if (!entry && this.minutes.size >= 50_000) void this.flush();
    this.minutes.set(client, { minute, suppressed: 0 });
    const first = this.write({
      ...event,
      detail: `${event.detail} (from ${client}; further failures from this address this minute are summarised)`,
    });
    return Promise.all([earlier, first]).then(() => undefined);
  }

  /** Writes the summaries of minutes that have ended (all of them with `everything`, at shutdown). */
  async flush(everything = false): Promise<void> {
    const minute = Math.floor(this.now() / 60_000);
    const writes: Promise<void>[] = [];
    for (const [client, entry] of this.minutes) {
      if (!everything && entry.minute >= minute) continue;
      this.minutes.delete(client);
      writes.push(this.summarise(client, entry));
    }
    await Promise.all(writes);
  }

  private summarise(client: string, entry: { minute: number; suppressed: number }): Promise<void> {
    if (entry.suppressed === 0) return Promise.resolve();
    const from = new Date(entry.minute * 60_000).toISOString();
    return this.write({
      kind: 'unauthenticated',
      actor: null,
      operation: null,
      detail: `${entry.suppressed} more requests without a valid token from ${client} in the minute from ${from} (summarised)`,
    });
  }
}
