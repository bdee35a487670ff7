import { NO_HOLIDAYS } from './holidays';
import { isWorkingDay, workingDaysBetween } from './working-days';

const at = (iso: string): Date => new Date(iso);

describe('isWorkingDay', () => {
  it('is Monday–Friday except public holidays', () => {
    expect(isWorkingDay({ year: 2026, month: 3, day: 30 })).toBe(true); // Monday
    expect(isWorkingDay({ year: 2026, month: 3, day: 28 })).toBe(false); // Saturday
    expect(isWorkingDay({ year: 2026, month: 4, day: 6 })).toBe(false); // Easter Monday
    expect(isWorkingDay({ year: 2026, month: 4, day: 3 })).toBe(true); // Good Friday
    expect(isWorkingDay({ year: 2026, month: 4, day: 6 }, NO_HOLIDAYS)).toBe(true);
  });
});

describe('workingDaysBetween (fractional)', () => {
  it.each([
    ['same instant', '2026-03-30T10:00:00+02:00', '2026-03-30T10:00:00+02:00', 0],
    ['half a working day', '2026-03-30T00:00:00+02:00', '2026-03-30T12:00:00+02:00', 0.5],
    ['Monday 10:00 → Tuesday 10:00', '2026-03-30T10:00:00+02:00', '2026-03-31T10:00:00+02:00', 1],
    ['Friday 16:00 → Monday 16:00: the weekend does not count', '2026-06-12T16:00:00+02:00', '2026-06-15T16:00:00+02:00', 1],
    ['Friday 16:00 → Tuesday 16:00', '2026-06-12T16:00:00+02:00', '2026-06-16T16:00:00+02:00', 2],
    ['across the DST weekend', '2026-03-27T12:00:00+01:00', '2026-03-30T12:00:00+02:00', 1],
    ['Saturday → Sunday', '2026-06-13T08:00:00+02:00', '2026-06-14T20:00:00+02:00', 0],
    [
      'Thursday → Tuesday over Easter (Good Friday counts, Easter Monday not)',
      '2026-04-02T12:00:00+02:00',
      '2026-04-07T12:00:00+02:00',
      2,
    ],
    ['Christmas: Thursday 24 Dec → Monday 28 Dec', '2026-12-24T12:00:00+01:00', '2026-12-28T12:00:00+01:00', 1],
  ])('%s', (_label, from, to, expected) => {
    expect(workingDaysBetween(at(from), at(to))).toBeCloseTo(expected, 10);
  });

  it('is negative when `to` is earlier', () => {
    expect(workingDaysBetween(at('2026-03-31T10:00:00+02:00'), at('2026-03-30T10:00:00+02:00'))).toBeCloseTo(-1, 10);
  });
});
