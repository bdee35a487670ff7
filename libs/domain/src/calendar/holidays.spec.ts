import { dutchPublicHolidays, DUTCH_PUBLIC_HOLIDAYS, isPublicHoliday, NO_HOLIDAYS } from './holidays';

const day = (iso: string): { year: number; month: number; day: number } => {
  const [year, month, d] = iso.split('-').map(Number);
  return { year, month, day: d };
};

describe('Dutch public holidays (days off)', () => {
  it.each([
    ['2026-01-01', 'Nieuwjaarsdag'],
    ['2026-04-05', 'Eerste Paasdag'],
    ['2026-04-06', 'Tweede Paasdag'],
    ['2026-04-27', 'Koningsdag on a Monday'],
    ['2025-04-26', 'Koningsdag moved to Saturday 26 April because 27 April 2025 is a Sunday'],
    ['2026-05-14', 'Hemelvaartsdag'],
    ['2026-05-24', 'Eerste Pinksterdag'],
    ['2026-05-25', 'Tweede Pinksterdag'],
    ['2026-12-25', 'Eerste Kerstdag'],
    ['2026-12-26', 'Tweede Kerstdag'],
    ['2025-05-05', 'Bevrijdingsdag in a lustrum year (default policy)'],
  ])('%s is a day off (%s)', (iso) => {
    expect(DUTCH_PUBLIC_HOLIDAYS.isHoliday(day(iso))).toBe(true);
  });

  it.each([
    ['2026-04-03', 'Goede Vrijdag is not a general day off'],
    ['2025-04-27', 'Koningsdag does not stay on Sunday 27 April'],
    ['2026-05-05', 'Bevrijdingsdag outside a lustrum year (default policy)'],
    ['2026-05-04', 'Dodenherdenking is an observance'],
    ['2026-12-31', 'Oudejaarsdag'],
    ['2026-12-05', 'Sinterklaas'],
    ['2026-03-30', 'an ordinary Monday'],
  ])('%s is not a day off (%s)', (iso) => {
    expect(DUTCH_PUBLIC_HOLIDAYS.isHoliday(day(iso))).toBe(false);
  });

  it('makes Bevrijdingsdag configurable', () => {
    expect(dutchPublicHolidays({ liberationDay: 'EVERY_YEAR' }).isHoliday(day('2026-05-05'))).toBe(true);
    expect(dutchPublicHolidays({ liberationDay: 'NEVER' }).isHoliday(day('2025-05-05'))).toBe(false);
    expect(dutchPublicHolidays({ liberationDay: 'LUSTRUM' })).toBe(DUTCH_PUBLIC_HOLIDAYS);
  });

  it('names the holiday', () => {
    expect(DUTCH_PUBLIC_HOLIDAYS.holidayName(day('2026-12-25'))).toBe('Kerstmis');
    expect(DUTCH_PUBLIC_HOLIDAYS.holidayName(day('2026-12-24'))).toBeNull();
  });

  it('isPublicHoliday reads the Amsterdam day of the instant', () => {
    // 23:30 UTC on 24 December is 00:30 on Christmas Day in Amsterdam.
    expect(isPublicHoliday(new Date('2026-12-24T23:30:00Z'))).toBe(true);
    expect(isPublicHoliday(new Date('2026-12-24T22:59:00Z'))).toBe(false);
    expect(isPublicHoliday(new Date('2026-12-25T12:00:00Z'), NO_HOLIDAYS)).toBe(false);
  });
});
