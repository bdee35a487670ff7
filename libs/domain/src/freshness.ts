/**
 * How far a facility's capacity numbers can be trusted (the contract's `Freshness`). Stale numbers
 * still count for matching, but rank lower and tell the coordinator to call and verify.
 */
import { DUTCH_PUBLIC_HOLIDAYS, HolidayCalendar } from './calendar/holidays';
import { workingDaysBetween } from './calendar/working-days';
import { Freshness } from './enums';
import { UpdateCadence } from './register';

/**
 * Thresholds; the names match the platform config (`AppConfig.freshness`) so it can be passed as is.
 * A threshold is reached at exactly its value: age ≥ stale → STALE, age ≥ aging → AGING.
 */
export interface FreshnessPolicy {
  /** ROUND_THE_CLOCK facilities: hours after which numbers are AGING. */
  roundTheClockAgingHours: number;
  /** ROUND_THE_CLOCK facilities: hours after which numbers are STALE. */
  roundTheClockStaleHours: number;
  /** WORKING_DAYS facilities: working days (Mon–Fri, not holidays) after which numbers are AGING. */
  workingDaysAging: number;
  /** WORKING_DAYS facilities: working days after which numbers are STALE. */
  workingDaysStale: number;
}

/** Not in the documents: chosen so a 24/7 shelter confirms about once a shift (8 hours). */
export const DEFAULT_FRESHNESS_POLICY: Readonly<FreshnessPolicy> = {
  roundTheClockAgingHours: 4,
  roundTheClockStaleHours: 8,
  workingDaysAging: 1,
  workingDaysStale: 2,
};

const HOUR_MS = 3_600_000;

/**
 * The freshness of capacity last confirmed at `updatedAt`, seen at `now`. Never confirmed → UNKNOWN.
 * A confirmation in the future (clock skew between processes) counts as FRESH.
 */
export function capacityFreshness(
  updatedAt: Date | null,
  cadence: UpdateCadence,
  now: Date,
  policy: FreshnessPolicy = DEFAULT_FRESHNESS_POLICY,
  holidays: HolidayCalendar = DUTCH_PUBLIC_HOLIDAYS,
): Freshness {
  if (updatedAt === null) return Freshness.UNKNOWN;
  if (updatedAt >= now) return Freshness.FRESH;
  const [age, aging, stale] =
    cadence === UpdateCadence.ROUND_THE_CLOCK
      ? [(now.getTime() - updatedAt.getTime()) / HOUR_MS, policy.roundTheClockAgingHours, policy.roundTheClockStaleHours]
      : [workingDaysBetween(updatedAt, now, holidays), policy.workingDaysAging, policy.workingDaysStale];
  // A tiny tolerance so a threshold reached "exactly" is not missed through float rounding.
  const EPSILON = 1e-9;
  if (age + EPSILON >= stale) return Freshness.STALE;
  if (age + EPSILON >= aging) return Freshness.AGING;
  return Freshness.FRESH;
}

/** Why a facility's staff are asked "klopt het nog?": its figures and how old they are. */
export interface FiguresNudge {
  freshness: Freshness.AGING | Freshness.STALE | Freshness.UNKNOWN;
  /** Whole hours since the last confirmation; null when never confirmed. */
  hoursOld: number | null;
}

/**
 * Whether a facility's staff should be nudged to confirm its figures (issue 18): from AGING on, not
 * only once they are STALE and already rank lower; never confirmed too. Null while fresh.
 */
export function figuresNudge(
  updatedAt: Date | null,
  cadence: UpdateCadence,
  now: Date,
  policy: FreshnessPolicy = DEFAULT_FRESHNESS_POLICY,
  holidays: HolidayCalendar = DUTCH_PUBLIC_HOLIDAYS,
): FiguresNudge | null {
  const freshness = capacityFreshness(updatedAt, cadence, now, policy, holidays);
  if (freshness === Freshness.FRESH) return null;
  return {
    freshness,
    hoursOld: updatedAt === null ? null : Math.floor((now.getTime() - updatedAt.getTime()) / HOUR_MS),
  };
}
