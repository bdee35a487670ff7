import { bucketStartOf, bucketStarts, TimeBucket } from './time-buckets';

describe('time buckets', () => {
  it('counts days from Amsterdam midnight, also across the switch to summer time (a 23-hour day)', () => {
    const starts = bucketStarts(new Date('2026-03-28T12:00:00Z'), new Date('2026-03-30T12:00:00Z'), TimeBucket.DAY);
    expect(starts.map((s) => s.toISOString())).toEqual([
      '2026-03-27T23:00:00.000Z',
      '2026-03-28T23:00:00.000Z',
      '2026-03-29T22:00:00.000Z',
    ]);
  });

  it('starts weeks on Monday at local midnight', () => {
    // Sunday 22 November 2026, 23:30 in Amsterdam is still in the week of Monday 16 November.
    expect(bucketStartOf(new Date('2026-11-22T22:30:00Z'), TimeBucket.WEEK).toISOString()).toBe('2026-11-15T23:00:00.000Z');
    expect(bucketStartOf(new Date('2026-11-22T23:30:00Z'), TimeBucket.WEEK).toISOString()).toBe('2026-11-22T23:00:00.000Z');
  });

  it('cuts hours on the hour and covers [from, to) exactly', () => {
    const starts = bucketStarts(new Date('2026-11-22T10:15:00Z'), new Date('2026-11-22T13:00:00Z'), TimeBucket.HOUR);
    expect(starts.map((s) => s.getUTCHours())).toEqual([10, 11, 12]);
  });

  it('stops one past the limit, so a caller can refuse a request that is too fine', () => {
    expect(bucketStarts(new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'), TimeBucket.HOUR, 100)).toHaveLength(
      101,
    );
  });
});
