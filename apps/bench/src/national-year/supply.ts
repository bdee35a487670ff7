/**
 * The register's supply as the issue describes it: "starting regularly full (most places taken)",
 * "capacity updates by shelters at a realistic cadence, some stale". Pure draws and counts; the
 * figure sends them through the real `updateCapacity` mutation. The seeds give no cadence, so
 * every figure below is an assumption, named here so a planner can change it.
 *
 * A shelter's beds hold two kinds of people: those the service placed (its OCCUPIED holds, which
 * the service itself counts in and out) and those who came another way (a walk-in, a place from
 * before). Staff report the sum; only the second part moves between reports.
 */
import { between, chance, logNormal, type Random } from './random';
import { inOfficeHours } from './responders';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Share of places taken at the start, per facility: 85-95% (the register is "regularly full"). */
export function drawStartingFill(random: Random): number {
  return between(random, 0.85, 0.95);
}

/** Share of facilities whose staff do not update for days (their figures go stale). */
export const STALE_SHARE = 0.1;

/**
 * The time until a shelter's next capacity update: a few times a day in office hours (median 3 h),
 * less at night and at weekends (median 10 h); a stale facility median 4 days, p95 10.
 */
export function drawCapacityUpdateGapMs(random: Random, at: Date, stale: boolean): number {
  if (stale) return logNormal(random, 4 * DAY_MS, 10 * DAY_MS);
  return inOfficeHours(at) ? logNormal(random, 3 * HOUR_MS, 8 * HOUR_MS) : logNormal(random, 10 * HOUR_MS, 24 * HOUR_MS);
}

/** The mean stay of the people who came another way, by kind (as responders.ts' stays). */
function meanStayMs(type: string): number {
  switch (type) {
    case 'NOODBED':
      return 3 * DAY_MS;
    case 'NLA_CRISIS':
      return 14 * DAY_MS;
    case 'COSM':
      return 90 * DAY_MS;
    default:
      return 180 * DAY_MS;
  }
}

/**
 * Those who came another way after `gapMs`: each leaves with the chance her stay ends in the gap,
 * and as many come in on average as would leave at the target, so the count hovers around it.
 */
export function nextOutsideCount(random: Random, outside: number, target: number, gapMs: number, type: string): number {
  const leave = 1 - Math.exp(-gapMs / meanStayMs(type));
  let next = outside;
  for (let i = 0; i < outside; i++) if (chance(random, leave)) next--;
  for (let i = 0; i < target; i++) if (chance(random, leave)) next++;
  return next;
}

export interface CapacityCounts {
  total: number;
  occupied: number;
  held: number;
  outOfService: number;
}

/**
 * What staff report as occupied: the people the service placed there plus those who came another
 * way, never more than the beds not held or out of service (a shelter does not take in a walk-in
 * into a bed kept for an offer), never fewer than the service's own (their stays end through it).
 */
export function reportedOccupied(counts: CapacityCounts, servicePlaced: number, outside: number): number {
  const room = counts.total - counts.outOfService - counts.held;
  return Math.max(servicePlaced, Math.min(room, servicePlaced + Math.max(0, outside)));
}
