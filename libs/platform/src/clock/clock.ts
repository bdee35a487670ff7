/**
 * The current time, injected wherever a decision depends on it (freshness, office hours, hold
 * expiry) so tests can fix it. Domain functions never read the clock: they take `at`/`now`.
 */
export interface Clock {
  now(): Date;
  /**
   * How many of this clock's milliseconds pass per wall millisecond (a simulated clock runs
   * faster); absent means 1. Timers and queue delays are wall time, so they divide by it.
   */
  readonly speed?: number;
  /**
   * The wall milliseconds until `clockMs` more of this clock's time have passed, by what it knows
   * of its speed ahead (a simulated clock's announced changes); absent: `clockMs` ÷ `speed`.
   */
  wallDelayFor?(clockMs: number): number;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests move by hand. */
export class FixedClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Where a simulated clock starts, how fast it runs, and the wall moment it started (shared by every process). */
export interface SimulatedClockSettings {
  start: Date;
  speed: number;
  wallEpochMs: number;
  /**
   * A file of later speed changes (`SpeedChange[]` as JSON) that every process follows, written by
   * the one driving the simulation (SpeedSchedule); absent: one speed throughout.
   */
  scheduleFile?: string | null;
}

/** From the wall moment `fromWallMs` on, the clock reads `fromMs` and runs at `speed`. */
export interface SpeedChange {
  fromWallMs: number;
  fromMs: number;
  speed: number;
}

/** The speed changes after a simulated clock's start, in wall order; read again on every `now()`. */
export interface SpeedChanges {
  changes(): readonly SpeedChange[];
}

/**
 * Accelerated time for the simulated year (issue 19): now = start + (wall now − wall epoch) × speed.
 * Every process started with the same three settings agrees on "now" without talking to the others.
 * With `changes` the speed may change during the run (fast through hours in which nobody waits):
 * each change is announced ahead of the wall moment it applies from, so every process knows it by
 * then and all still agree. A process that learns of one late never sees its time run backwards.
 */
export class SimulatedClock implements Clock {
  private readonly first: SpeedChange;
  private latestMs = Number.NEGATIVE_INFINITY;

  constructor(
    settings: SimulatedClockSettings,
    private readonly wallNow: () => number = Date.now,
    private readonly later: SpeedChanges = { changes: () => [] },
  ) {
    if (!(settings.speed > 0)) throw new Error('a simulated clock needs a speed above 0');
    this.first = { fromWallMs: settings.wallEpochMs, fromMs: settings.start.getTime(), speed: settings.speed };
  }

  /** The speed now: timers and queue delays set now divide by it. */
  get speed(): number {
    return this.changeAt(this.wallNow()).speed;
  }

  now(): Date {
    return new Date(this.readAt(this.wallNow()));
  }

  /** The clock's time at a wall moment, by the changes known now (not kept: a reading ahead is no reading). */
  timeAt(wallMs: number): number {
    const change = this.changeAt(wallMs);
    return change.fromMs + (wallMs - change.fromWallMs) * change.speed;
  }

  /** The wall ms until `clockMs` more of its time have passed, a change announced ahead included. */
  wallDelayFor(clockMs: number): number {
    const wallNow = this.wallNow();
    return Math.max(0, this.wallAt(this.readAt(wallNow) + clockMs) - wallNow);
  }

  /**
   * The speed changes known now, announced ones included: what a delay reckoned earlier must be
   * reckoned again by when one is added (placement-queue.ts `retimeDelayed`).
   */
  knownChanges(): readonly SpeedChange[] {
    return this.later.changes();
  }

  /** The wall moment the clock reaches `clockMs`, by the changes known now. */
  wallAt(clockMs: number): number {
    const changes = [this.first, ...this.later.changes()].sort((a, b) => a.fromWallMs - b.fromWallMs);
    let current = this.first;
    for (const change of changes) if (change.fromMs <= clockMs) current = change;
    return current.fromWallMs + (clockMs - current.fromMs) / current.speed;
  }

  private readAt(wallMs: number): number {
    this.latestMs = Math.max(this.latestMs, this.timeAt(wallMs));
    return this.latestMs;
  }

  /** The change in force at a wall moment: the changes are in wall order, and the latest ones are asked for most. */
  private changeAt(wallMs: number): SpeedChange {
    const changes = this.later.changes();
    for (let i = changes.length - 1; i >= 0; i--)
      if (changes[i].fromWallMs <= wallMs) return changes[i].fromWallMs >= this.first.fromWallMs ? changes[i] : this.first;
    return this.first;
  }
}

/** The wall milliseconds until `clockMs` of the clock's time have passed (never below 0). */
export function wallDelayMs(clock: Clock, clockMs: number): number {
  return clock.wallDelayFor ? clock.wallDelayFor(clockMs) : Math.max(0, clockMs / (clock.speed ?? 1));
}

/**
 * The wall interval of a periodic timer meant to run every `clockMs` of the clock's time, never
 * tighter than `floorMs` (a fast clock must not turn a sweep into a busy loop).
 */
export function wallIntervalMs(clock: Clock, clockMs: number, floorMs = 100): number {
  return Math.max(Math.min(floorMs, clockMs), Math.round(clockMs / (clock.speed ?? 1)));
}
