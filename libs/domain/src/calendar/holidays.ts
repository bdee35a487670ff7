/**
 * Dutch public holidays that close offices (CoMensha's "kantoortijden", 000:2136-2139), from the
 * `date-holidays` package (country NL), cached per year.
 *
 * Which days count (domain.md §4: "with Dutch public holidays"):
 * - every day `date-holidays` types `public` for NL: Nieuwjaarsdag, Eerste en Tweede Paasdag,
 *   Koningsdag (27 April, or Saturday 26 April when the 27th is a Sunday), Hemelvaartsdag, Eerste en
 *   Tweede Pinksterdag, Eerste en Tweede Kerstdag;
 * - never Goede Vrijdag: it is not a general day off in the Netherlands (the package types it
 *   `school`; it is excluded explicitly so a future data change cannot slip it in);
 * - Bevrijdingsdag (5 May) by policy, because whether it is a day off depends on the collective
 *   agreement: the government's own CAO gives it off once every five years (2025, 2030, …). The
 *   default is `LUSTRUM`; `EVERY_YEAR` and `NEVER` are configuration.
 */
import Holidays from 'date-holidays';
import { formatLocalDate, LocalDate, localDateOf } from './wall-clock';

/** When Bevrijdingsdag (5 May) counts as a day off. */
export type LiberationDayPolicy = 'LUSTRUM' | 'EVERY_YEAR' | 'NEVER';

export interface HolidayCalendarOptions {
  liberationDay: LiberationDayPolicy;
}

export const DEFAULT_HOLIDAY_OPTIONS: Readonly<HolidayCalendarOptions> = { liberationDay: 'LUSTRUM' };

/** Decides whether a calendar day is a day off. Injected so tests and other calendars can replace it. */
export interface HolidayCalendar {
  isHoliday(date: LocalDate): boolean;
  /** The holiday's name (Dutch), or `null` on a normal day. */
  holidayName(date: LocalDate): string | null;
}

/** `date-holidays` rule strings that are never days off here (Goede Vrijdag). */
const NEVER_A_DAY_OFF = new Set(['easter -2']);
const LIBERATION_DAY_RULE = '05-05';

let nlHolidays: Holidays | undefined;
function source(): Holidays {
  nlHolidays ??= new Holidays('NL');
  return nlHolidays;
}

function liberationDayOff(year: number, policy: LiberationDayPolicy): boolean {
  if (policy === 'EVERY_YEAR') return true;
  if (policy === 'NEVER') return false;
  return year % 5 === 0;
}

class DutchHolidayCalendar implements HolidayCalendar {
  private readonly byYear = new Map<number, Map<string, string>>();

  constructor(private readonly options: HolidayCalendarOptions) {}

  isHoliday(date: LocalDate): boolean {
    return this.holidayName(date) !== null;
  }

  holidayName(date: LocalDate): string | null {
    return this.year(date.year).get(formatLocalDate(date)) ?? null;
  }

  private year(year: number): Map<string, string> {
    let days = this.byYear.get(year);
    if (!days) {
      days = new Map();
      for (const holiday of source().getHolidays(year)) {
        const rule = holiday.rule;
        const counts =
          !NEVER_A_DAY_OFF.has(rule) &&
          (holiday.type === 'public' || (rule === LIBERATION_DAY_RULE && liberationDayOff(year, this.options.liberationDay)));
        // `date` is the local day as `YYYY-MM-DD 00:00:00`.
        if (counts) days.set(holiday.date.slice(0, 10), holiday.name);
      }
      this.byYear.set(year, days);
    }
    return days;
  }
}

const calendars = new Map<LiberationDayPolicy, HolidayCalendar>();

/** The Dutch holiday calendar for a policy; one shared, memoised instance per policy. */
export function dutchPublicHolidays(options: HolidayCalendarOptions = DEFAULT_HOLIDAY_OPTIONS): HolidayCalendar {
  let calendar = calendars.get(options.liberationDay);
  if (!calendar) {
    calendar = new DutchHolidayCalendar({ ...options });
    calendars.set(options.liberationDay, calendar);
  }
  return calendar;
}

/** The default calendar (Bevrijdingsdag once every five years). */
export const DUTCH_PUBLIC_HOLIDAYS: HolidayCalendar = dutchPublicHolidays();

/** A calendar without holidays, for schedules that ignore them and for tests. */
export const NO_HOLIDAYS: HolidayCalendar = { isHoliday: () => false, holidayName: () => null };

/** Whether the Amsterdam calendar day of `at` is a day off. */
export function isPublicHoliday(at: Date, holidays: HolidayCalendar = DUTCH_PUBLIC_HOLIDAYS): boolean {
  return holidays.isHoliday(localDateOf(at));
}
