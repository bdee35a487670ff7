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
}

/**
 * Accelerated time for the simulated year (issue 19): now = start + (wall now − wall epoch) × speed.
 * Every process started with the same three settings agrees on "now" without talking to the others.
 */
export class SimulatedClock implements Clock {
  readonly speed: number;
  private readonly startMs: number;
  private readonly wallEpochMs: number;

  constructor(settings: SimulatedClockSettings, private readonly wallNow: () => number = Date.now) {
    if (!(settings.speed > 0)) throw new Error('a simulated clock needs a speed above 0');
    this.speed = settings.speed;
    this.startMs = settings.start.getTime();
    this.wallEpochMs = settings.wallEpochMs;
  }

  now(): Date {
    return new Date(this.startMs + (this.wallNow() - this.wallEpochMs) * this.speed);
  }
}

/** The wall milliseconds until `clockMs` of the clock's time have passed (never below 0). */
export function wallDelayMs(clock: Clock, clockMs: number): number {
  return Math.max(0, clockMs / (clock.speed ?? 1));
}

/**
 * The wall interval of a periodic timer meant to run every `clockMs` of the clock's time, never
 * tighter than `floorMs` (a fast clock must not turn a sweep into a busy loop).
 */
export function wallIntervalMs(clock: Clock, clockMs: number, floorMs = 100): number {
  return Math.max(Math.min(floorMs, clockMs), Math.round(clockMs / (clock.speed ?? 1)));
}
