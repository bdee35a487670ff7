import fc from 'fast-check';
import { OpeningHours } from '../register';
import { COMENSHA_OFFICE_HOURS, DEFAULT_AUTHORITY_HOURS } from './authority-hours';
import { NO_HOLIDAYS } from './holidays';
import {
  findNextOpening,
  isOpen,
  NeverOpensError,
  nextCommonOpening,
  nextOpening,
  openingHoursViolations,
  parseClockTime,
} from './opening-hours';
import { PlacingAuthority } from '../enums';

const office = COMENSHA_OFFICE_HOURS;
const at = (iso: string): Date => new Date(iso);
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

describe('isOpen with CoMensha office hours (09:00–17:00 Mon–Fri, closed on holidays; 000:2136-2139)', () => {
  it.each([
    ['2026-03-30T08:59:00+02:00', false, 'the minute before opening'],
    ['2026-03-30T09:00:00+02:00', true, 'opening is inclusive'],
    ['2026-03-30T16:59:59+02:00', true, 'the last second before closing'],
    ['2026-03-30T17:00:00+02:00', false, 'closing is exclusive'],
    ['2026-01-14T08:59:00+01:00', false, 'winter: before opening'],
    ['2026-01-14T09:00:00+01:00', true, 'winter: opening'],
    ['2026-01-14T08:00:00Z', true, 'winter: 08:00 UTC is 09:00 local'],
    ['2026-07-14T07:00:00Z', true, 'summer: 07:00 UTC is 09:00 local'],
    ['2026-07-14T15:00:00Z', false, 'summer: 15:00 UTC is 17:00 local'],
    ['2026-03-28T12:00:00+01:00', false, 'Saturday'],
    ['2026-03-29T12:00:00+02:00', false, 'Sunday (DST start)'],
    ['2026-04-06T12:00:00+02:00', false, 'Easter Monday (Tweede Paasdag)'],
    ['2026-04-03T12:00:00+02:00', true, 'Good Friday is a working day'],
    ['2026-04-27T12:00:00+02:00', false, 'Koningsdag'],
    ['2026-12-25T12:00:00+01:00', false, 'Christmas Day (a Friday in 2026)'],
    ['2026-12-24T16:00:00+01:00', true, 'Christmas Eve is a working day'],
    ['2026-05-14T12:00:00+02:00', false, 'Hemelvaartsdag'],
    ['2026-05-05T12:00:00+02:00', true, 'Bevrijdingsdag 2026 is not a lustrum day off'],
    ['2025-05-05T12:00:00+02:00', false, 'Bevrijdingsdag 2025 is a lustrum day off'],
  ])('%s → %s (%s)', (when, open) => {
    expect(isOpen(office, at(when))).toBe(open);
  });

  it('ignores holidays when the schedule says so', () => {
    expect(isOpen({ ...office, closedOnPublicHolidays: false }, at('2026-04-06T12:00:00+02:00'))).toBe(true);
    expect(isOpen(office, at('2026-04-06T12:00:00+02:00'), NO_HOLIDAYS)).toBe(true);
  });

  it('null hours are always open', () => {
    expect(isOpen(null, at('2026-12-25T03:00:00+01:00'))).toBe(true);
  });
});

describe('nextOpening with CoMensha office hours', () => {
  it.each([
    ['open now: returns the same instant', '2026-03-30T10:17:23.456+02:00', '2026-03-30T10:17:23.456+02:00'],
    ['the minute before opening', '2026-03-30T08:59:00+02:00', '2026-03-30T09:00:00+02:00'],
    ['at closing → next morning', '2026-03-31T17:00:00+02:00', '2026-04-01T09:00:00+02:00'],
    ['the minute after closing', '2026-03-31T17:01:00+02:00', '2026-04-01T09:00:00+02:00'],
    ['Friday 17:00 → Monday 09:00 (across the March DST change)', '2026-03-27T17:00:00+01:00', '2026-03-30T09:00:00+02:00'],
    ['Saturday 23:00 → Monday 09:00 (across the October DST change)', '2026-10-24T23:00:00+02:00', '2026-10-26T09:00:00+01:00'],
    ['Friday 17:00 → Monday 09:00 (ordinary weekend)', '2026-06-12T17:00:00+02:00', '2026-06-15T09:00:00+02:00'],
    ['Saturday 23:00 → Monday 09:00 (ordinary weekend)', '2026-06-13T23:00:00+02:00', '2026-06-15T09:00:00+02:00'],
    ['DST Sunday 02:30 → Monday 09:00', '2026-03-29T01:30:00Z', '2026-03-30T09:00:00+02:00'],
    ['Thursday before Easter → Good Friday 09:00', '2026-04-02T17:00:00+02:00', '2026-04-03T09:00:00+02:00'],
    ['Good Friday evening → Tuesday after Easter Monday', '2026-04-03T17:00:00+02:00', '2026-04-07T09:00:00+02:00'],
    ['Friday before Koningsdag (Mon 27 April 2026) → Tuesday', '2026-04-24T17:00:00+02:00', '2026-04-28T09:00:00+02:00'],
    [
      'Koningsdag on Saturday 26 April 2025 (27th a Sunday) → Monday 28th',
      '2025-04-25T17:00:00+02:00',
      '2025-04-28T09:00:00+02:00',
    ],
    ['Christmas Eve 17:00 → Monday 28 December', '2026-12-24T17:00:00+01:00', '2026-12-28T09:00:00+01:00'],
    ['New Year 2027 (Friday) → Monday 4 January', '2026-12-31T17:00:00+01:00', '2027-01-04T09:00:00+01:00'],
    ['Ascension Day → Friday', '2026-05-14T08:00:00+02:00', '2026-05-15T09:00:00+02:00'],
    ['Whit Monday → Tuesday', '2026-05-25T08:00:00+02:00', '2026-05-26T09:00:00+02:00'],
  ])('%s', (_label, from, expected) => {
    expect(iso(nextOpening(office, at(from)))).toBe(new Date(expected).toISOString());
  });

  it('null hours open immediately', () => {
    const now = at('2026-12-25T03:00:00+01:00');
    expect(nextOpening(null, now)).toBe(now);
  });
});

describe('other schedules', () => {
  const overnight: OpeningHours = { days: [1, 2, 3, 4, 5, 6, 7], opens: '17:00', closes: '09:00', closedOnPublicHolidays: false };

  it('overnight windows run into the next morning', () => {
    expect(isOpen(overnight, at('2026-06-10T22:00:00+02:00'))).toBe(true);
    expect(isOpen(overnight, at('2026-06-11T08:59:00+02:00'))).toBe(true);
    expect(isOpen(overnight, at('2026-06-11T09:00:00+02:00'))).toBe(false);
    expect(iso(nextOpening(overnight, at('2026-06-11T12:00:00+02:00')))).toBe('2026-06-11T15:00:00.000Z');
  });

  it('an overnight window that starts on a holiday is closed, the one before it still runs', () => {
    const weekdaysOvernight: OpeningHours = { ...overnight, closedOnPublicHolidays: true };
    // 24 Dec 17:00 → 25 Dec 09:00 runs; 25 Dec 17:00 (Christmas) does not open.
    expect(isOpen(weekdaysOvernight, at('2026-12-25T08:00:00+01:00'))).toBe(true);
    expect(isOpen(weekdaysOvernight, at('2026-12-25T20:00:00+01:00'))).toBe(false);
    expect(iso(nextOpening(weekdaysOvernight, at('2026-12-25T10:00:00+01:00')))).toBe('2026-12-27T16:00:00.000Z');
  });

  it('00:00–24:00 covers the whole 23-hour and 25-hour DST days', () => {
    const allDay: OpeningHours = { days: [7], opens: '00:00', closes: '24:00', closedOnPublicHolidays: false };
    expect(isOpen(allDay, at('2026-03-29T00:00:00+01:00'))).toBe(true);
    expect(isOpen(allDay, at('2026-03-29T23:59:00+02:00'))).toBe(true);
    expect(isOpen(allDay, at('2026-10-25T02:30:00+01:00'))).toBe(true); // second 02:30
    expect(isOpen(allDay, at('2026-10-26T00:00:00+01:00'))).toBe(false);
  });

  it('an opening in the March gap opens at 03:30 CEST; in the October overlap at the first 02:30', () => {
    const early: OpeningHours = { days: [7], opens: '02:30', closes: '05:00', closedOnPublicHolidays: false };
    expect(iso(nextOpening(early, at('2026-03-28T12:00:00+01:00')))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(nextOpening(early, at('2026-10-24T12:00:00+02:00')))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('terminates and reports a schedule that never opens', () => {
    const never: OpeningHours = { days: [], opens: '09:00', closes: '17:00', closedOnPublicHolidays: true };
    expect(findNextOpening(never, at('2026-01-01T00:00:00Z'))).toBeNull();
    expect(() => nextOpening(never, at('2026-01-01T00:00:00Z'))).toThrow(NeverOpensError);
    expect(isOpen(never, at('2026-01-05T10:00:00+01:00'))).toBe(false);
  });

  it('respects a short horizon', () => {
    expect(findNextOpening(office, at('2026-12-24T17:00:00+01:00'), undefined, 2)).toBeNull();
  });
});

describe('nextCommonOpening', () => {
  const afternoonIntake: OpeningHours = { days: [1, 2, 3, 4, 5], opens: '13:00', closes: '15:00', closedOnPublicHolidays: false };
  const saturdayIntake: OpeningHours = { days: [6], opens: '10:00', closes: '12:00', closedOnPublicHolidays: false };

  it('finds the first instant both are open', () => {
    expect(iso(nextCommonOpening([office, afternoonIntake], at('2026-03-30T08:00:00+02:00')))).toBe('2026-03-30T11:00:00.000Z');
    expect(iso(nextCommonOpening([office, afternoonIntake], at('2026-03-27T16:00:00+01:00')))).toBe('2026-03-30T11:00:00.000Z');
  });

  it('is the later of the two openings when they overlap, and `at` when both are open', () => {
    expect(iso(nextCommonOpening([office, null], at('2026-03-27T17:00:00+01:00')))).toBe('2026-03-30T07:00:00.000Z');
    const now = at('2026-03-30T13:30:00+02:00');
    expect(nextCommonOpening([office, afternoonIntake], now)).toBe(now);
  });

  it('returns null (and terminates) when the schedules never meet', () => {
    expect(nextCommonOpening([office, saturdayIntake], at('2026-03-30T08:00:00+02:00'))).toBeNull();
  });
});

describe('opening hours validation', () => {
  it('accepts the defaults and names every broken field', () => {
    for (const hours of Object.values(DEFAULT_AUTHORITY_HOURS)) {
      if (hours) expect(openingHoursViolations(hours)).toEqual([]);
    }
    expect(DEFAULT_AUTHORITY_HOURS[PlacingAuthority.COMENSHA]).toBe(COMENSHA_OFFICE_HOURS);
    const bad = openingHoursViolations({ days: [], opens: '9:00', closes: '24:01', closedOnPublicHolidays: true });
    expect(bad.map((v) => v.field)).toEqual(['days', 'opens', 'closes']);
    expect(openingHoursViolations({ ...office, days: [1, 1] })[0].message).toMatch(/repeat/);
    expect(openingHoursViolations({ ...office, days: [8 as 1] })[0].field).toBe('days');
  });

  it('parses clock times', () => {
    expect(parseClockTime('00:00')).toBe(0);
    expect(parseClockTime('24:00')).toBe(1440);
    expect(parseClockTime('24:30')).toBeNull();
    expect(parseClockTime('12:60')).toBeNull();
  });
});

describe('properties', () => {
  const hoursArb = fc.record({
    days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }) as fc.Arbitrary<OpeningHours['days']>,
    opens: fc
      .integer({ min: 0, max: 95 })
      .map((q) => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`),
    closes: fc
      .integer({ min: 1, max: 96 })
      .map((q) => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`),
    closedOnPublicHolidays: fc.boolean(),
  });
  const instantArb = fc.date({
    min: new Date('2024-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  });

  it('nextOpening is at or after `at`, open, and equals `at` exactly when open now', () => {
    fc.assert(
      fc.property(hoursArb, instantArb, (hours, when) => {
        const next = nextOpening(hours, when);
        expect(next.getTime()).toBeGreaterThanOrEqual(when.getTime());
        expect(isOpen(hours, next)).toBe(true);
        expect(next.getTime() === when.getTime()).toBe(isOpen(hours, when));
        // Nothing opens earlier: a minute before a later opening it was closed.
        if (next.getTime() > when.getTime()) expect(isOpen(hours, new Date(next.getTime() - 60_000))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
