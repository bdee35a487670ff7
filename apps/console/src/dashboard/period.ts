import type { TimeBucket } from '../api/types';

/** What the planner looks at: a period of calendar days, a bucket size, one region or all. */
export interface DashboardSelection {
  from: string;
  to: string;
  bucket: TimeBucket;
  regionCode: string;
  year: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function isoDay(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** The last 30 days up to and including today. */
export function defaultSelection(regionCode: string, now = new Date()): DashboardSelection {
  return {
    from: isoDay(new Date(now.getTime() - 30 * DAY_MS)),
    to: isoDay(now),
    bucket: 'DAY',
    regionCode,
    year: now.getFullYear(),
  };
}

/**
 * The period as the API's instants: from the start of the first day to the start of the day after
 * the last (the API's periods are [from, to)), at midnight on this browser's clock.
 */
export function periodInstants(selection: DashboardSelection): { from: string; to: string } {
  const from = new Date(`${selection.from}T00:00:00`);
  const to = new Date(new Date(`${selection.to}T00:00:00`).getTime() + DAY_MS);
  return { from: from.toISOString(), to: to.toISOString() };
}

export function regionCodesOf(selection: DashboardSelection): string[] | null {
  return selection.regionCode ? [selection.regionCode] : null;
}

/** The same selection as a CSV export's query string. */
export function exportQuery(selection: DashboardSelection, withBucket: boolean): string {
  const { from, to } = periodInstants(selection);
  const query = new URLSearchParams({ from, to });
  if (withBucket) query.set('bucket', selection.bucket);
  if (selection.regionCode) query.set('regionCodes', selection.regionCode);
  return query.toString();
}
