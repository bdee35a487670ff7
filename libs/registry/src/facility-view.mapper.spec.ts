import type { OpeningHours } from '@opvangplek/domain';
import { intakeAt, intakeMemo } from './facility-view.mapper';

const OFFICE: OpeningHours = { days: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00', closedOnPublicHolidays: true };
const WEEKEND: OpeningHours = { days: [6, 7], opens: '10:00', closes: '16:00', closedOnPublicHolidays: false };

describe('intakeMemo', () => {
  // Saturday 23:00 in Amsterdam: office intake opens Monday 09:00, weekend intake Sunday 10:00.
  const saturdayNight = new Date('2026-11-21T22:00:00Z');

  it('answers what intakeAt answers, for each schedule and for 24/7', () => {
    const intakeOf = intakeMemo(saturdayNight);
    for (const hours of [OFFICE, WEEKEND, null]) {
      expect(intakeOf(hours)).toEqual(intakeAt(hours, saturdayNight));
    }
    expect(intakeOf(OFFICE).nextOpeningAt).toEqual(new Date('2026-11-23T08:00:00Z'));
    expect(intakeOf(WEEKEND).nextOpeningAt).toEqual(new Date('2026-11-22T09:00:00Z'));
  });

  it('evaluates equal schedules once, even as different objects, and tells different ones apart', () => {
    const intakeOf = intakeMemo(saturdayNight);
    const first = intakeOf(OFFICE);
    expect(intakeOf({ ...OFFICE, days: [...OFFICE.days] })).toBe(first);
    expect(intakeOf({ ...OFFICE, closedOnPublicHolidays: false })).not.toBe(first);
    expect(intakeOf({ ...OFFICE, closes: '17:30' })).not.toBe(first);
    expect(intakeOf({ ...OFFICE, days: [1, 2, 3, 4] })).not.toBe(first);
  });
});
