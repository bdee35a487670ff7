import { percentile } from './measures';
import { seededRandom } from './random';
import { drawCapacityUpdateGapMs, drawStartingFill, nextOutsideCount, reportedOccupied } from './supply';

const HOUR = 3_600_000;
const TUESDAY_NOON = new Date('2027-01-05T11:00:00Z');
const TUESDAY_3AM = new Date('2027-01-05T02:00:00Z');

describe('national year: supply (issue 19: "the national register starting regularly full ... capacity updates at a realistic cadence, some stale")', () => {
  it('starts each facility 85-95% taken', () => {
    const random = seededRandom(3);
    const fills = Array.from({ length: 500 }, () => drawStartingFill(random));
    expect(Math.min(...fills)).toBeGreaterThanOrEqual(0.85);
    expect(Math.max(...fills)).toBeLessThanOrEqual(0.95);
  });

  it('reports a few times a day in office hours, less at night, and a stale facility for days', () => {
    const random = seededRandom(4);
    const median = (at: Date, stale: boolean) =>
      percentile(
        Array.from({ length: 2_000 }, () => drawCapacityUpdateGapMs(random, at, stale)),
        50,
      ) / HOUR;
    expect(median(TUESDAY_NOON, false)).toBeGreaterThan(2);
    expect(median(TUESDAY_NOON, false)).toBeLessThan(5);
    expect(median(TUESDAY_3AM, false)).toBeGreaterThan(2 * median(TUESDAY_NOON, false));
    expect(median(TUESDAY_NOON, true)).toBeGreaterThan(48);
  });

  it('keeps those who came another way around the target as time passes', () => {
    const random = seededRandom(5);
    let outside = 10;
    const seen: number[] = [];
    for (let i = 0; i < 500; i++) seen.push((outside = nextOutsideCount(random, outside, 10, 12 * HOUR, 'VROUWENOPVANG')));
    const mean = seen.reduce((a, b) => a + b, 0) / seen.length;
    expect(mean).toBeGreaterThan(7);
    expect(mean).toBeLessThan(13);
    expect(nextOutsideCount(random, 5, 5, 0, 'NOODBED')).toBe(5);
  });

  it('reports occupied as the service placed plus the others, never into held or out-of-service beds nor below the placed', () => {
    const counts = { total: 10, occupied: 0, held: 2, outOfService: 1 };
    expect(reportedOccupied(counts, 3, 2)).toBe(5);
    expect(reportedOccupied(counts, 3, 9)).toBe(7);
    expect(reportedOccupied(counts, 3, -4)).toBe(3);
  });
});
