/** Percentiles and buckets for the year's measurements. Pure. */
import { hourOfWeek, PROFILE_CLASSES, type ProfileClass } from './demand';

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

export interface PersonOutcome {
  contactAt: Date;
  classes: ProfileClass[];
  /** Minutes from first contact to a place to go (accepted place, or the noodbed the police are told); null: none. */
  toPlaceMinutes: number | null;
  /** Minutes to a structural (not noodbed) place; null: none within the run. */
  toStructuralMinutes: number | null;
}

/** Time to a place to go per hour of the week (168 buckets) and per 6-hour block for the table. */
export function byHourOfWeek(outcomes: readonly PersonOutcome[]): Spread[] {
  const buckets: number[][] = Array.from({ length: 168 }, () => []);
  for (const o of outcomes) if (o.toPlaceMinutes !== null) buckets[hourOfWeek(o.contactAt)].push(o.toPlaceMinutes);
  return buckets.map(spread);
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
