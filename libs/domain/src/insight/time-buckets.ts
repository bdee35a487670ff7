/**
 * Time buckets for the planners' history (issue 6): hours, or days and weeks as Amsterdam clocks
 * count them — a planner's "Monday" starts at local midnight, in winter and in summer time.
 */
import { addDays, isoWeekday, localDateOf, startOfLocalDay } from '../calendar';

export enum TimeBucket {
  HOUR = 'HOUR',
  DAY = 'DAY',
  WEEK = 'WEEK',
}

const HOUR_MS = 3_600_000;

/** The start of the bucket that contains `at`. */
export function bucketStartOf(at: Date, bucket: TimeBucket): Date {
  // Dutch offsets are whole hours, so a UTC hour is also a local hour.
  if (bucket === TimeBucket.HOUR) return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
  const day = localDateOf(at);
  if (bucket === TimeBucket.DAY) return startOfLocalDay(day);
  return startOfLocalDay(addDays(day, 1 - isoWeekday(day)));
}

function nextBucketStart(start: Date, bucket: TimeBucket): Date {
  if (bucket === TimeBucket.HOUR) return new Date(start.getTime() + HOUR_MS);
  // Via the local calendar: a day is 23 or 25 hours long when the clocks change.
  return startOfLocalDay(addDays(localDateOf(start), bucket === TimeBucket.DAY ? 1 : 7));
}

/**
 * The starts of the buckets that cover [from, to): the first is the bucket containing `from`.
 * Stops early (returning `limit + 1` starts) so a caller can refuse a request that is too fine.
 */
export function bucketStarts(from: Date, to: Date, bucket: TimeBucket, limit = Number.POSITIVE_INFINITY): Date[] {
  const starts: Date[] = [];
  for (let start = bucketStartOf(from, bucket); start < to && starts.length <= limit; start = nextBucketStart(start, bucket)) {
    starts.push(start);
  }
  return starts;
}
