/**
 * A warning that an outage repeats many times a second (every Redis connection reports each failed
 * reconnect): said the first time, then at most once per interval with how often it recurred since,
 * so an outage of minutes is a few lines per connection instead of hundreds, and its end still shows
 * (the next different message is said at once).
 */
export class RepeatedWarning {
  private readonly last = new Map<string, { saidAt: number; since: number }>();

  constructor(
    private readonly warn: (message: string) => void,
    private readonly intervalMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Says `message` unless it was said less than the interval ago; then counts it for the next time. */
  say(message: string): void {
    const now = this.now();
    const seen = this.last.get(message);
    if (seen && now - seen.saidAt < this.intervalMs) {
      seen.since += 1;
      return;
    }
    this.warn(
      seen && seen.since > 0
        ? `${message} (${seen.since} more times in the last ${Math.round((now - seen.saidAt) / 1000)} s)`
        : message,
    );
    this.last.set(message, { saidAt: now, since: 0 });
    // One outage's messages, not every message ever: a bounded memory.
    if (this.last.size > 100) this.last.delete(this.last.keys().next().value!);
  }
}
