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
 *
 * The other way, the **attending speed** (`--attend-speed N`): while the service is working on
 * someone not yet reached (her call on its way, her request RECEIVED or MATCHING, her escalation
 * due), time runs slower. At the measuring speed one wall millisecond is three simulated seconds,
 * so a match that waits a second behind the simulation's own load on two cores read as 50 minutes
 * (the third year: requests RECEIVED 18–77 simulated minutes before MATCHING). Those minutes are
 * the machine's, not the chain's.
 */

/**
 * Back to the measuring speed this long before the next arrival: she is measured from her first
 * contact on. The change is announced for that moment exactly, so a few ticks are enough.
 */
export const CALM_MARGIN_MS = 30 * 60_000;

/**
 * The attending speed starts this long before an ACUTE request's escalation deadline, so that it is
 * in force when the deadline's job runs (a change needs a lead and is decided once a tick).
 */
export const ATTEND_BEFORE_DEADLINE_MS = 5 * 60_000;

/**
 * Whether the service is working on this request of someone not yet reached: received or being
 * matched, or ACUTE with her escalation deadline near or past (the deadline's job is about to run).
 */
export function attendedTo(
  request: { status: string; urgency: string; createdAtMs: number },
  nowMs: number,
  escalateAfterMs: number,
): boolean {
  if (request.status === 'RECEIVED' || request.status === 'MATCHING') return true;
  return request.urgency === 'ACUTE' && nowMs >= request.createdAtMs + escalateAfterMs - ATTEND_BEFORE_DEADLINE_MS;
}

/**
 * A first contact this close ahead (a requester's call, a planned action's start) has the attending
 * speed announced for just before it, at its wall moment: the call is made at contact, and waiting
 * for the next tick to see it on its way ran its first minutes at the measuring speed (a noodbed
 * call's inline match stored 4–11 simulated minutes after contact).
 */
export const CONTACT_HORIZON_MS = 15 * 60_000;
export const ATTEND_BEFORE_CONTACT_MS = 30_000;

/** From when (simulated) to attend for the next contact, if it is within the horizon; null otherwise. */
export function attendFrom(nextContactMs: number | null, nowMs: number): number | null {
  if (nextContactMs === null || nextContactMs - nowMs > CONTACT_HORIZON_MS) return null;
  return nextContactMs - ATTEND_BEFORE_CONTACT_MS;
}

export interface CalmInputs {
  nowMs: number;
  /**
   * The next moment someone must be measured from: an arrival's first contact (or a planned
   * action's start), the service's next deadline (a place held for someone lapsing, a planned
   * action due to start), or a simulated answer that puts someone back to matching (a shelter's
   * decline, a route decision for a shelter place); null when none is left.
   */
  nextArrivalMs: number | null;
  /**
   * Calls on their way: arrived people whose request the service has not answered yet, and answers
   * that put someone back to matching (a decline) not yet answered by the service.
   */
  unanswered: number;
  /** Open requests without a place to go, a named escalation or a named wait. */
  unreached: number;
  /** The service is working on someone not yet reached (attending speed); absent: never. */
  attending?: boolean;
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
 * The speed the simulation runs at, decided each tick: slower while the service attends to someone
 * not yet reached; calm from now until the margin before the next arrival; back to the measuring
 * speed at once when someone needs it sooner.
 */
export class CalmSpeed {
  /** Until when (simulated) the calm speed was asked for; null while measuring or attending. */
  private calmTill: number | null = null;
  private attending = false;

  /**
   * What to change: `{ calmUntil }` to run calm until that moment (then measure again), `'measure'`
   * to measure again at once, `'attend'` to run at the attending speed, or null to leave the speed
   * as it is.
   */
  /**
   * The attending speed was announced ahead (attendFrom): counted as attending, so the first tick
   * that finds nothing to attend to measures again (or runs calm) instead of staying slow.
   */
  attendAhead(): void {
    this.attending = true;
    this.calmTill = null;
  }

  decide(inputs: CalmInputs): { calmUntil: number } | 'measure' | 'attend' | null {
    if (inputs.attending) {
      if (this.attending) return null;
      this.attending = true;
      this.calmTill = null;
      return 'attend';
    }
    const wasAttending = this.attending;
    this.attending = false;
    if (this.calmTill !== null && inputs.nowMs >= this.calmTill) this.calmTill = null; // the slow-down applied
    const until = calmUntil(inputs);
    if (this.calmTill === null) {
      if (until === null) return wasAttending ? 'measure' : null;
      this.calmTill = until;
      return { calmUntil: until };
    }
    if (until === null) {
      this.calmTill = null;
      return 'measure';
    }
    // Something came up sooner than the stretch asked for (a shelter's decline drawn meanwhile): shorten it.
    if (until < this.calmTill) {
      this.calmTill = until;
      return { calmUntil: until };
    }
    return null;
  }
}
