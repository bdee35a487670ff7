import fc from 'fast-check';
import {
  addDays,
  addMonths,
  compareLocalDates,
  daysBetween,
  formatLocalDate,
  instantAt,
  isoWeekday,
  localDateOf,
  parseLocalDate,
  startOfLocalDay,
  wallClock,
} from './wall-clock';

describe('wallClock (Europe/Amsterdam)', () => {
  it('reads winter time (CET, UTC+1)', () => {
    const w = wallClock(new Date('2026-01-15T08:30:15Z'));
    expect(w).toMatchObject({ year: 2026, month: 1, day: 15, hour: 9, minute: 30, second: 15, weekday: 4 });
    expect(w.minuteOfDay).toBe(9 * 60 + 30);
  });

  it('reads summer time (CEST, UTC+2)', () => {
    expect(wallClock(new Date('2026-07-01T22:30:00Z'))).toMatchObject({ day: 2, hour: 0, minute: 30, weekday: 4 });
  });

  it('reads the same instant twice alike, and a new instant afresh (the last reading is kept, frozen)', () => {
    const at = new Date('2026-11-21T22:00:00Z');
    const first = wallClock(at);
    expect(wallClock(new Date(at.getTime() + 999))).toBe(first);
    expect(wallClock(new Date(at.getTime() + 1000))).toMatchObject({ hour: 23, minute: 0, second: 1 });
    expect(wallClock(at)).toMatchObject({ day: 21, hour: 23, second: 0, weekday: 6 });
    expect(Object.isFrozen(wallClock(at))).toBe(true);
  });

  it('reads midnight as hour 0, not 24', () => {
    expect(wallClock(new Date('2026-01-14T23:00:00Z'))).toMatchObject({ day: 15, hour: 0, minuteOfDay: 0 });
  });

  it('switches at 01:00 UTC on the last Sunday of March and October', () => {
    expect(wallClock(new Date('2026-03-29T00:59:00Z'))).toMatchObject({ hour: 1, minute: 59 });
    expect(wallClock(new Date('2026-03-29T01:00:00Z'))).toMatchObject({ hour: 3, minute: 0 });
    expect(wallClock(new Date('2026-10-25T00:59:00Z'))).toMatchObject({ hour: 2, minute: 59 });
    expect(wallClock(new Date('2026-10-25T01:00:00Z'))).toMatchObject({ hour: 2, minute: 0 });
  });

  it('agrees with ICU at any instant, including before the cached era (1900–2100)', () => {
    const icu = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
        (at) => {
          const w = wallClock(at);
          const pad = (n: number): string => String(n).padStart(2, '0');
          expect(`${pad(w.day)}/${pad(w.month)}/${w.year}, ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`).toBe(
            icu.format(at),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('rejects an invalid Date', () => {
    expect(() => wallClock(new Date('nope'))).toThrow(RangeError);
  });

  it('localDateOf gives the Amsterdam day, not the UTC day', () => {
    expect(localDateOf(new Date('2026-12-24T23:30:00Z'))).toEqual({ year: 2026, month: 12, day: 25 });
  });
});

describe('instantAt', () => {
  it('converts winter and summer wall-clock times', () => {
    expect(instantAt({ year: 2026, month: 1, day: 15 }, 9 * 60).toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(instantAt({ year: 2026, month: 7, day: 15 }, 9 * 60).toISOString()).toBe('2026-07-15T07:00:00.000Z');
  });

  it('moves a time in the March gap forward by the gap (02:30 → 03:30 CEST)', () => {
    expect(instantAt({ year: 2026, month: 3, day: 29 }, 2 * 60 + 30).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes the earlier instant in the October overlap (02:30 CEST)', () => {
    expect(instantAt({ year: 2026, month: 10, day: 25 }, 2 * 60 + 30).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('handles the times around both transitions', () => {
    expect(instantAt({ year: 2026, month: 3, day: 29 }, 60 + 59).toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(instantAt({ year: 2026, month: 3, day: 29 }, 3 * 60).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(instantAt({ year: 2026, month: 10, day: 25 }, 3 * 60).toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('accepts 1440 as the next midnight', () => {
    expect(instantAt({ year: 2026, month: 3, day: 28 }, 1440).toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });

  it('DST days are 23 and 25 hours long', () => {
    const length = (day: number, month: number): number =>
      (startOfLocalDay({ year: 2026, month, day: day + 1 }).getTime() - startOfLocalDay({ year: 2026, month, day }).getTime()) /
      3_600_000;
    expect(length(29, 3)).toBe(23);
    expect(length(25, 10)).toBe(25);
    expect(length(26, 10)).toBe(24);
  });

  it('round-trips every half hour of a year through wallClock', () => {
    let date = { year: 2026, month: 1, day: 1 };
    for (let i = 0; i < 366; i++, date = addDays(date, 1)) {
      for (let minute = 0; minute < 1440; minute += 30) {
        const w = wallClock(instantAt(date, minute));
        const inMarchGap = date.month === 3 && date.day === 29 && minute >= 120 && minute < 180;
        expect({ ...date, minute: w.minuteOfDay, d: w.day }).toEqual({
          ...date,
          minute: inMarchGap ? minute + 60 : minute,
          d: date.day,
        });
      }
    }
  });
});

describe('local date helpers', () => {
  it('parses and formats YYYY-MM-DD strictly', () => {
    expect(parseLocalDate('2026-02-28')).toEqual({ year: 2026, month: 2, day: 28 });
    expect(parseLocalDate('2026-02-29')).toBeNull();
    expect(parseLocalDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseLocalDate('2026-2-28')).toBeNull();
    expect(parseLocalDate('2026-13-01')).toBeNull();
    expect(parseLocalDate('2026-02-28T00:00')).toBeNull();
    expect(formatLocalDate({ year: 2026, month: 2, day: 3 })).toBe('2026-02-03');
  });

  it('adds days and months (clamping month ends)', () => {
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addMonths({ year: 2026, month: 1, day: 15 }, 3)).toEqual({ year: 2026, month: 4, day: 15 });
    expect(addMonths({ year: 2025, month: 11, day: 30 }, 3)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(addMonths({ year: 2023, month: 11, day: 30 }, 3)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addMonths({ year: 2026, month: 10, day: 31 }, 3)).toEqual({ year: 2027, month: 1, day: 31 });
  });

  it('compares, counts and names weekdays', () => {
    expect(compareLocalDates({ year: 2026, month: 1, day: 2 }, { year: 2026, month: 1, day: 1 })).toBeGreaterThan(0);
    expect(daysBetween({ year: 2026, month: 3, day: 28 }, { year: 2026, month: 3, day: 30 })).toBe(2);
    expect(isoWeekday({ year: 2026, month: 3, day: 29 })).toBe(7);
    expect(isoWeekday({ year: 2026, month: 3, day: 30 })).toBe(1);
  });
});
