/** Summary of durations for planners: how many, and the median and 90th percentile. */
export interface DurationSummary {
  count: number;
  /** null when there is nothing to summarise. */
  medianMinutes: number | null;
  p90Minutes: number | null;
}

/**
 * The nearest-rank percentile (the smallest value with at least p% of values at or below it), so
 * every figure reported is a duration that really happened, never an interpolation between two.
 */
export function nearestRank(sortedAscending: readonly number[], percent: number): number | null {
  if (sortedAscending.length === 0) return null;
  const rank = Math.max(1, Math.ceil((percent / 100) * sortedAscending.length));
  return sortedAscending[rank - 1];
}

export function summariseDurations(minutes: readonly number[]): DurationSummary {
  const sorted = [...minutes].sort((a, b) => a - b);
  const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
  return { count: sorted.length, medianMinutes: round(nearestRank(sorted, 50)), p90Minutes: round(nearestRank(sorted, 90)) };
}
