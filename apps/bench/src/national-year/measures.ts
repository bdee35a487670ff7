/** Percentiles and buckets for the year's measurements. Pure. */
import { hourOfWeek, PROFILE_CLASSES, type ProfileClass } from './demand';

const MINUTE_MS = 60_000;

/** The target: one place to go or a named escalation within this many minutes (p95), at every hour of the week. */
export const TARGET_MINUTES = 15;

/** Nearest-rank percentile of `values` (NaN when empty). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface Spread {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

export function spread(values: readonly number[]): Spread {
  return { n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99) };
}

/**
 * How a person first stopped falling through: a place to go (an accepted place, or the noodbed the
 * police are told), the service's escalation (`escalated`: the region's escalation contacts are
 * told, ESCALATED in the history), the request on the worklist of a named authority that can act
 * now (WAITING with AWAITING_AUTHORITY: `waitingForAuthority` names who decides), or a named wait.
 *
 * A named wait (`namedWait`) is the chain's reading of the target for a request that is not ACUTE:
 * its requester said she has somewhere safe tonight, and the service names who decides next and
 * when they sit — the screeningsoverleg with the OM for criminal exploitation (AWAITING_ROUTE_DECISION,
 * 003:490), CoMensha at its next opening (AUTHORITY_CLOSED, 000:2136-2139), or the shelters a place is
 * offered at, until the hold lapses (OFFERED: the shelters and `offerExpiresAt` are on her case). Nobody
 * then falls through; an ACUTE request is never reached this way (it needs a place or the escalation,
 * 003:497). The strict reading, without named waits, is reported beside it.
 */
export type Reached = 'place' | 'escalation' | 'authority' | 'namedWait';

const REACHED_IN_ORDER: readonly Reached[] = ['place', 'escalation', 'authority', 'namedWait'];

export interface PersonOutcome {
  /** Her first request (absent when the call that should have made it was refused). */
  requestId?: string;
  contactAt: Date;
  classes: ProfileClass[];
  /** Minutes from first contact to a place to go (accepted place, or the noodbed the police are told); null: none. */
  toPlaceMinutes: number | null;
  /** Minutes to a structural (not noodbed) place; null: none within the run. */
  toStructuralMinutes: number | null;
  /** The headline: minutes to the first of a place to go, a named escalation or a named wait; null: none. */
  toPlaceOrEscalationMinutes: number | null;
  /** The strict reading of the headline: as above without named waits. */
  strictMinutes: number | null;
  /** Which came first for the headline; null: none. */
  reachedBy: Reached | null;
  /** Minutes from first contact to her escalation, whether or not it came first; null: never escalated. */
  escalatedMinutes: number | null;
}

/** Simulated ms of each way out for one person (undefined or null: it did not happen). */
export type Moments = Partial<Record<Reached, number | null>>;

/**
 * The first of the moments at or after contact, in minutes, and which it was. An offer alone is not
 * among them (the issue: "a place to go" is an accepted place or the noodbed the police are told).
 * A moment before contact (a clock read a tick early) counts as at contact.
 */
export function firstWayOut(contactMs: number, moments: Moments): { minutes: number; reachedBy: Reached } | null {
  let best: { at: number; reachedBy: Reached } | null = null;
  // A tie goes to the place: having one is more than being escalated.
  for (const reachedBy of REACHED_IN_ORDER) {
    const at = moments[reachedBy];
    if (at === undefined || at === null || !Number.isFinite(at)) continue;
    if (best === null || at < best.at) best = { at, reachedBy };
  }
  return best && { minutes: Math.max(0, (best.at - contactMs) / MINUTE_MS), reachedBy: best.reachedBy };
}

/** Per hour of the week (168 buckets, Monday 00:00 first, Europe/Amsterdam as UTC+1): the spread of `pick`. */
export function byHourOfWeek(
  outcomes: readonly PersonOutcome[],
  pick: (o: PersonOutcome) => number | null = (o) => o.toPlaceMinutes,
): Spread[] {
  const buckets: number[][] = Array.from({ length: 168 }, () => []);
  for (const o of outcomes) {
    const value = pick(o);
    if (value !== null) buckets[hourOfWeek(o.contactAt)].push(value);
  }
  return buckets.map(spread);
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "Sunday 03:00" for hour-of-week 147. */
export function hourOfWeekLabel(hour: number): string {
  return `${DAYS[Math.floor(hour / 24)]} ${String(hour % 24).padStart(2, '0')}:00`;
}

/**
 * The hour of the week with the highest p95, among hours with a measurement. People without any
 * way out within the run count as missing the target there: a bucket with one of them is worst.
 */
export function worstHour(
  outcomes: readonly PersonOutcome[],
  pick: (o: PersonOutcome) => number | null,
): { hour: number; label: string; n: number; p95: number; without: number } | null {
  const values: number[][] = Array.from({ length: 168 }, () => []);
  const without = new Array<number>(168).fill(0);
  for (const o of outcomes) {
    const hour = hourOfWeek(o.contactAt);
    const value = pick(o);
    if (value === null) without[hour]++;
    else values[hour].push(value);
  }
  let worst: { hour: number; label: string; n: number; p95: number; without: number } | null = null;
  for (let hour = 0; hour < 168; hour++) {
    const n = values[hour].length + without[hour];
    if (n === 0) continue;
    // Nobody's way out is infinitely late: a bucket's p95 with people without one is at least that.
    const p95 = percentile([...values[hour], ...new Array<number>(without[hour]).fill(Number.POSITIVE_INFINITY)], 95);
    if (worst === null || p95 > worst.p95) worst = { hour, label: hourOfWeekLabel(hour), n, p95, without: without[hour] };
  }
  return worst;
}

export function byProfileClass(
  outcomes: readonly PersonOutcome[],
  pick: (o: PersonOutcome) => number | null,
): Record<ProfileClass | 'everyone', Spread & { without: number }> {
  const result = {} as Record<ProfileClass | 'everyone', Spread & { without: number }>;
  for (const cls of ['everyone', ...PROFILE_CLASSES] as const) {
    const members = outcomes.filter((o) => cls === 'everyone' || o.classes.includes(cls));
    const values = members.map(pick).filter((v): v is number => v !== null);
    result[cls] = { ...spread(values), without: members.length - values.length };
  }
  return result;
}

/** How many people reached the headline by each way (and how many by none). */
export function reachedByCounts(outcomes: readonly PersonOutcome[]): Record<Reached | 'none', number> {
  const counts = { place: 0, escalation: 0, authority: 0, namedWait: 0, none: 0 };
  for (const o of outcomes) counts[o.reachedBy ?? 'none']++;
  return counts;
}

/**
 * What the escalation deadline costs the escalation contacts (the OvD bevolkingszorg is called for
 * each): the people escalated within the target (at the deadline, for want of a place), and how
 * many of them had a place to go by then all the same (a shelter accepted after the deadline,
 * within 15 minutes of contact): calls that, looking back, were not needed. The earlier the
 * deadline, the more of those. Later escalations (an onward request stuck when the interim stay
 * ends) are not the deadline's.
 */
export function escalationCost(outcomes: readonly PersonOutcome[]): { escalated: number; placeWithinTarget: number } {
  const atDeadline = outcomes.filter((o) => o.escalatedMinutes !== null && o.escalatedMinutes <= TARGET_MINUTES);
  return {
    escalated: atDeadline.length,
    placeWithinTarget: atDeadline.filter((o) => o.toPlaceMinutes !== null && o.toPlaceMinutes <= TARGET_MINUTES).length,
  };
}

/** One open request as the database holds it at a sampled moment (a person's first request, not an onward one). */
export interface OpenRequest {
  /** People it stands for (a group of 8 is 8). */
  people: number;
  status: string;
  /** First contact in simulated ms (the request's createdAt, on the service's clock). */
  createdAtMs: number;
  /**
   * Since when she has been without a place, a named escalation or a named wait without a break
   * (simulated ms): after the last step that reached her (an offer to someone not ACUTE, a named
   * wait, an accepted place), or her first contact if none did. Absent: since first contact.
   */
  unnamedSinceMs?: number;
  /** ACUTE, URGENT or PLANNED: only a request that is not ACUTE can be reached by a named wait. */
  urgency: string;
  escalated: boolean;
  waitingReason: string | null;
  waitingForAuthority: string | null;
  /** A noodbed request holding the place the police were told (OFFERED): that is a place to go. */
  placeToGo?: boolean;
}

/**
 * Whether a request without a place has a named escalation: escalated, or on the worklist of an
 * authority that can act now (AWAITING_AUTHORITY names it). Waiting for CoMensha to open on Monday
 * (AUTHORITY_CLOSED) or for capacity is not: nobody is named to act.
 */
export function hasNamedEscalation(request: Pick<OpenRequest, 'escalated' | 'waitingReason' | 'waitingForAuthority'>): boolean {
  return request.escalated || (request.waitingReason === 'AWAITING_AUTHORITY' && request.waitingForAuthority !== null);
}

/** Waiting reasons that name who decides next and when they sit (see `Reached`). */
const NAMED_WAIT_REASONS = new Set(['AWAITING_ROUTE_DECISION', 'AUTHORITY_CLOSED']);

/** Whether a request that is not ACUTE waits for a decider the service names (see `Reached`). */
export function hasNamedWait(request: Pick<OpenRequest, 'urgency' | 'status' | 'waitingReason'>): boolean {
  if (request.urgency === 'ACUTE') return false;
  if (request.status === 'OFFERED') return true;
  return request.status === 'WAITING' && request.waitingReason !== null && NAMED_WAIT_REASONS.has(request.waitingReason);
}

const WITHOUT_A_PLACE = new Set(['RECEIVED', 'MATCHING', 'WAITING', 'OFFERED']);

/**
 * The requests left without a place and without a named escalation (or, unless `strict`, a named
 * wait) longer than the target, at one moment. An OFFERED request has no place yet. "Left" is
 * without a break: a request reached once and back in MATCHING for a moment (an offer lapsed, the
 * worker is finding the next) counts from the step that took her reach away, not from first
 * contact; the strict reading, which named waits never reach, counts from first contact.
 */
export function unnamedRequests<R extends OpenRequest>(
  requests: readonly R[],
  nowMs: number,
  options: { graceMinutes?: number; strict?: boolean } = {},
): R[] {
  const graceMinutes = options.graceMinutes ?? TARGET_MINUTES;
  return requests.filter(
    (r) =>
      WITHOUT_A_PLACE.has(r.status) &&
      !r.placeToGo &&
      !hasNamedEscalation(r) &&
      (options.strict || !hasNamedWait(r)) &&
      nowMs - (options.strict ? r.createdAtMs : (r.unnamedSinceMs ?? r.createdAtMs)) > graceMinutes * MINUTE_MS,
  );
}

/** People left unnamed at one moment (the issue: this must be 0): `unnamedRequests`, a group as its size. */
export function leftUnnamed(
  requests: readonly OpenRequest[],
  nowMs: number,
  options: { graceMinutes?: number; strict?: boolean } = {},
): number {
  return unnamedRequests(requests, nowMs, options).reduce((sum, r) => sum + r.people, 0);
}
