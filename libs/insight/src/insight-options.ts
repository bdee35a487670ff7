/**
 * Settings of the planner figures. Read here, not in AppConfig, while the platform's config is
 * someone else's to change; the same rules: a wrong value stops the service at start.
 */
export const INSIGHT_OPTIONS = Symbol('INSIGHT_OPTIONS');

export interface InsightOptions {
  /**
   * The shortest period `unmetDemand` answers for, in hours (INSIGHT_MIN_PERIOD_HOURS, default
   * 24): a narrower window isolates a single request, however its counts are suppressed.
   */
  minimumPeriodHours: number;
}

export const DEFAULT_MINIMUM_PERIOD_HOURS = 24;

export function insightOptionsFrom(env: Record<string, string | undefined> = process.env): InsightOptions {
  const raw = env.INSIGHT_MIN_PERIOD_HOURS?.trim();
  if (raw === undefined || raw === '') return { minimumPeriodHours: DEFAULT_MINIMUM_PERIOD_HOURS };
  const hours = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!(hours >= 1 && hours <= 24 * 366)) {
    throw new Error(`INSIGHT_MIN_PERIOD_HOURS is "${raw}"; allowed: a whole number of hours from 1 to ${24 * 366}`);
  }
  return { minimumPeriodHours: hours };
}
