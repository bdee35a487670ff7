/**
 * When the simulated year may run at its calm speed (`--calm-speed N`, off by default): while
 * nobody is waiting to be reached (a place to go, a named escalation or a named wait) and nobody
 * arrives within the margin, the hours pass faster. The stays, capacity reports and worklists of
 * those hours still run, on coarser ticks; the sweep runs as often in wall time, so less often in
 * simulated time.
 *
 * Why it is off by default: a speed change must be announced ahead (every process reads the
 * schedule within that lead), so what the service's own timers do in a calm hour (an offer lapses,
 * a freed place re-tries someone) is noticed only a lead later, which at 60,000× is hours of
 * simulated time. Measured on seed 20270104 (two weeks): one speed, headline p50 3 min and p95 7 min
 * in 403 wall s; calm at 20×, p50 22–44 min and p95 68–85 min in about 60 wall s. Such a run checks
 * the invariants over a long period quickly; its times are not to be quoted. A clock every process
 * reads at each step (the driver advancing time, not a wall-time mapping) would remove the lead.
 */

/**
 * Back to the measuring speed this long before the next arrival: she is measured from her first
 * contact on. The change is announced for that moment exactly, so a few ticks are enough.
 */
export const CALM_MARGIN_MS = 30 * 60_000;

export interface CalmInputs {
  nowMs: number;
  /**
   * The next moment someone must be measured from: an arrival's first contact (or a planned
   * action's start), or a place held for someone lapsing; null when none is left.
   */
  nextArrivalMs: number | null;
  /** Arrived people whose request the service has not answered yet (the call is on its way). */
  unanswered: number;
  /** Open requests without a place to go, a named escalation or a named wait. */
  unreached: number;
}

/** Whether the simulation may run calm now; and until when (the margin before the next arrival). */
export function calmUntil(inputs: CalmInputs, marginMs = CALM_MARGIN_MS): number | null {
  if (inputs.unreached > 0 || inputs.unanswered > 0) return null;
  if (inputs.nextArrivalMs === null) return Number.POSITIVE_INFINITY;
  const until = inputs.nextArrivalMs - marginMs;
  // A calm stretch shorter than the margin is not worth two speed changes.
  return until - inputs.nowMs >= marginMs ? until : null;
}

/**
 * The speed the simulation runs at, decided each tick: calm from now until the margin before the
 * next arrival, back to the measuring speed at once when someone needs it sooner.
 */
export class CalmSpeed {
  /** Until when (simulated) the calm speed was asked for; null while measuring. */
  private calmTill: number | null = null;

  /**
   * What to change: `{ calm: until }` to run calm until that moment (then measure again), `'measure'`
   * to measure again at once, or null to leave the speed as it is.
   */
  decide(inputs: CalmInputs): { calmUntil: number } | 'measure' | null {
    if (this.calmTill !== null && inputs.nowMs >= this.calmTill) this.calmTill = null; // the slow-down applied
    const until = calmUntil(inputs);
    if (this.calmTill === null) {
      if (until === null) return null;
      this.calmTill = until;
      return { calmUntil: until };
    }
    if (until !== null) return null;
    this.calmTill = null;
    return 'measure';
  }
}
