/**
 * When the simulated year may run at its calm speed (`--calm-speed N`): while nobody is waiting to
 * be reached (a place to go, a named escalation or a named wait), and within the margin nobody
 * arrives, no place held for someone lapses and no planned action starts, the hours pass faster.
 * The stays, capacity reports and worklists of those hours still run, on coarser ticks; the sweep
 * runs as often in wall time, so less often in simulated time.
 *
 * What keeps the times true:
 * - every process looks at the schedule file at each reading of its clock, so a speed change needs
 *   only a 20 ms lead (at 60,000× about 20 simulated minutes; a file polled every 50 ms would need
 *   hours);
 * - the service's own deadlines that put someone back to matching (a hold's `expires_at`) or make
 *   requests (a planned action's start) end the calm stretch a margin ahead, like an arrival;
 * - the simulated people's calls go before the background's (agents.ts `Lane`), which pile up in
 *   calm hours.
 * Measured on seed 20270104 (two weeks): one speed, headline p50 3 min, p95 7 min in 403 wall s;
 * calm at 60,000×, p50 3 min, p95 6 min in 90 wall s.
 * What is still coarser in calm hours: a stay ending or a capacity report happens on a calm tick
 * (up to an hour late), and what the service does by itself without a deadline the bench can read
 * (a freed place re-trying a wait) is seen up to a lead plus a tick late.
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
   * action's start), or the service's next deadline (a place held for someone lapsing, a planned
   * action due to start); null when none is left.
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
