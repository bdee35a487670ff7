import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { type SimulatedClock, type SpeedChange, type SpeedChanges } from './clock';

/**
 * The speed changes of a simulated clock as every process reads them: the schedule file, looked at
 * on every reading of the clock (a stat; parsed again only when it was replaced), so a change
 * announced a few wall milliseconds ahead is known everywhere by the time it applies. A file, not
 * the database or Redis: the simulation runs on one machine, and the clock must not depend on what
 * it measures. A file that cannot be read or parsed keeps the last changes.
 */
export class SpeedScheduleFile implements SpeedChanges {
  private known: readonly SpeedChange[] = [];
  private version = '';

  constructor(private readonly path: string) {
    this.read();
  }

  changes(): readonly SpeedChange[] {
    this.read();
    return this.known;
  }

  private read(): void {
    try {
      // The writer renames a new file over the old: a new inode, or at least a new modification time.
      const stat = statSync(this.path, { bigint: true });
      const version = `${stat.ino}:${stat.mtimeNs}:${stat.size}`;
      if (version === this.version) return;
      const parsed: unknown = JSON.parse(readFileSync(this.path, 'utf8'));
      if (Array.isArray(parsed) && parsed.every(isSpeedChange)) {
        this.known = parsed;
        this.version = version;
      }
    } catch {
      // Not written yet, or caught mid-write by a reader without rename semantics: the last read stands.
    }
  }
}

function isSpeedChange(value: unknown): value is SpeedChange {
  const change = value as SpeedChange;
  return (
    typeof change === 'object' &&
    change !== null &&
    Number.isFinite(change.fromWallMs) &&
    Number.isFinite(change.fromMs) &&
    Number.isFinite(change.speed) &&
    change.speed > 0
  );
}

/** How long after it applies a change is still kept (every process has read it long since). */
const SETTLED_AFTER_MS = 10_000;

/**
 * The one who drives a simulation changes its clock's speed here: each change applies from `leadMs`
 * ahead (every process reads the file within that), starting where the clock will be then, and is
 * written to the file whole (a new file renamed over the old, so no reader sees half of it).
 */
export class SpeedSchedule implements SpeedChanges {
  private readonly written: SpeedChange[] = [];
  /** The changes no longer written (settled), kept to read back the clock at a past wall moment. */
  private readonly settled: SpeedChange[] = [];

  constructor(
    private readonly path: string,
    private readonly wallNow: () => number = Date.now,
    private readonly leadMs = 20,
  ) {
    this.write();
  }

  changes(): readonly SpeedChange[] {
    return this.written;
  }

  /** Every change made, settled ones included: what the clock read at a past wall moment (a run's report). */
  everyChange(): readonly SpeedChange[] {
    return [...this.settled, ...this.written];
  }

  /**
   * `clock` (which follows this schedule) runs at `speed` from the wall moment `atWallMs`, or from
   * `leadMs` ahead if that is sooner; returns the wall moment it applies from. A change announced
   * for later than this one is dropped: it was reckoned on the speed this one replaces.
   */
  change(clock: SimulatedClock, speed: number, atWallMs = 0): number {
    if (!(speed > 0)) throw new Error('a simulated clock needs a speed above 0');
    const fromWallMs = Math.max(atWallMs, this.wallNow() + this.leadMs);
    while (this.written.length > 0 && this.written[this.written.length - 1].fromWallMs >= fromWallMs) this.written.pop();
    this.written.push({ fromWallMs, fromMs: clock.timeAt(fromWallMs), speed });
    this.forgetSettled();
    this.write();
    return fromWallMs;
  }

  /**
   * Drops the changes older than the one in force a while ago: the clocks read "now" (and moments
   * ahead), never the past, and a year makes thousands of changes, each written whole and read by
   * every process.
   */
  private forgetSettled(): void {
    const settledWallMs = this.wallNow() - SETTLED_AFTER_MS;
    let inForce = -1;
    for (let i = 0; i < this.written.length && this.written[i].fromWallMs <= settledWallMs; i++) inForce = i;
    if (inForce > 0) this.settled.push(...this.written.splice(0, inForce));
  }

  private write(): void {
    writeFileSync(`${this.path}.next`, JSON.stringify(this.written));
    renameSync(`${this.path}.next`, this.path);
  }
}
