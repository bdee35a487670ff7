/**
 * Working days (Monday–Friday, not a Dutch public holiday) in Europe/Amsterdam, for capacity
 * freshness of facilities that confirm their numbers on working days only.
 */
import { DUTCH_PUBLIC_HOLIDAYS, HolidayCalendar } from './holidays';
import { addDays, compareLocalDates, isoWeekday, LocalDate, localDateOf, startOfLocalDay } from './wall-clock';

export function isWorkingDay(date: LocalDate, holidays: HolidayCalendar = DUTCH_PUBLIC_HOLIDAYS): boolean {
  return isoWeekday(date) <= 5 && !holidays.isHoliday(date);
}

/**
 * Working time elapsed from `from` to `to`, in (fractional) working days.
 *
 * Fractional on purpose: each working day contributes the share of its 24 local hours that lies
 * inside [from, to), so Friday 16:00 → Monday 16:00 is exactly 1 working day and freshness
 * thresholds are continuous instead of jumping at midnight. Weekends and holidays contribute 0.
 * Negative when `to` is before `from`.
 */
export function workingDaysBetween(from: Date, to: Date, holidays: HolidayCalendar = DUTCH_PUBLIC_HOLIDAYS): number {
  if (to < from) return -workingDaysBetween(to, from, holidays);
  const last = localDateOf(to);
  let total = 0;
  for (let date = localDateOf(from); compareLocalDates(date, last) <= 0; date = addDays(date, 1)) {
    if (!isWorkingDay(date, holidays)) continue;
    const dayStart = startOfLocalDay(date).getTime();
    const dayEnd = startOfLocalDay(addDays(date, 1)).getTime();
    const overlap = Math.min(dayEnd, to.getTime()) - Math.max(dayStart, from.getTime());
    if (overlap > 0) total += overlap / (dayEnd - dayStart);
  }
  return total;
}
