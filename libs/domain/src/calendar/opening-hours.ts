/**
 * Weekly opening hours (register.ts `OpeningHours`) evaluated in Europe/Amsterdam wall-clock time,
 * with Dutch public holidays. `null` hours mean "always open" (24/7).
 *
 * A window opens on each listed weekday at `opens` (inclusive) and closes at `closes` (exclusive).
 * When `closes` is not after `opens` the window runs overnight into the next day (e.g. 17:00–09:00;
 * 00:00–00:00 is a full day); `closes` may be `24:00`. A window belongs to the day it opens on: a
 * holiday closes the windows that open on it.
 */
import { IsoWeekday, OpeningHours } from '../register';
import { DUTCH_PUBLIC_HOLIDAYS, HolidayCalendar } from './holidays';
import { addDays, instantAt, isoWeekday, LocalDate, localDateOf } from './wall-clock';

/** How far ahead `nextOpening` looks: a year and a bit, so any weekly schedule with a day is found. */
export const OPENING_SEARCH_HORIZON_DAYS = 380;

export interface OpeningHoursViolation {
  field: keyof OpeningHours;
  message: string;
}

/** Thrown by `nextOpening` when a schedule never opens within the search horizon (e.g. no days). */
export class NeverOpensError extends Error {
  constructor(hours: OpeningHours, horizonDays: number) {
    super(
      `opening hours ${hours.opens}-${hours.closes} on days [${hours.days.join(',')}] never open ` +
        `within ${horizonDays} days; give at least one weekday`,
    );
    this.name = 'NeverOpensError';
  }
}

/** Parses `HH:MM` (00:00–24:00) into minutes since midnight; `null` when malformed. */
export function parseClockTime(text: string): number | null {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : null;
}

/** Every reason a schedule is unusable, each naming the field; empty when valid. */
export function openingHoursViolations(hours: OpeningHours): OpeningHoursViolation[] {
  const violations: OpeningHoursViolation[] = [];
  if (hours.days.length === 0 || hours.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    violations.push({ field: 'days', message: 'days must list at least one ISO weekday from 1 (Monday) to 7 (Sunday)' });
  } else if (new Set(hours.days).size !== hours.days.length) {
    violations.push({ field: 'days', message: 'days must not repeat a weekday' });
  }
  for (const field of ['opens', 'closes'] as const) {
    if (parseClockTime(hours[field]) === null) {
      violations.push({ field, message: `${field} must be a time HH:MM from 00:00 to 24:00, got "${hours[field]}"` });
    }
  }
  return violations;
}

interface Window {
  start: Date;
  end: Date;
}

function clockTime(hours: OpeningHours, field: 'opens' | 'closes'): number {
  const minutes = parseClockTime(hours[field]);
  if (minutes === null) throw new RangeError(`${field} must be HH:MM, got "${hours[field]}"`);
  return minutes;
}

/** The opening window that starts on `date`, or `null` when closed that day. */
function windowOn(hours: OpeningHours, date: LocalDate, holidays: HolidayCalendar): Window | null {
  if (!hours.days.includes(isoWeekday(date) as IsoWeekday)) return null;
  if (hours.closedOnPublicHolidays && holidays.isHoliday(date)) return null;
  const opens = clockTime(hours, 'opens');
  const closes = clockTime(hours, 'closes');
  const start = instantAt(date, opens);
  const end = closes > opens ? instantAt(date, closes) : instantAt(addDays(date, 1), closes);
  return start.getTime() < end.getTime() ? { start, end } : null;
}

/** Whether the schedule is open at `at`. */
export function isOpen(hours: OpeningHours | null, at: Date, holidays: HolidayCalendar = DUTCH_PUBLIC_HOLIDAYS): boolean {
  if (hours === null) return true;
  const today = localDateOf(at);
  // Yesterday's window matters for overnight schedules.
  for (const date of [addDays(today, -1), today]) {
    const window = windowOn(hours, date, holidays);
    if (window && window.start <= at && at < window.end) return true;
  }
  return false;
}

/**
 * The first instant at or after `at` when the schedule is open (`at` itself when open now), or
 * `null` when it does not open within `horizonDays`.
 */
export function findNextOpening(
  hours: OpeningHours | null,
  at: Date,
  holidays: HolidayCalendar = DUTCH_PUBLIC_HOLIDAYS,
  horizonDays: number = OPENING_SEARCH_HORIZON_DAYS,
): Date | null {
  if (hours === null) return at;
  const today = localDateOf(at);
  // Windows are visited in start order, so the first one still running or ahead is the answer.
  for (let offset = -1; offset <= horizonDays; offset++) {
    const window = windowOn(hours, addDays(today, offset), holidays);
    if (window && window.end > at) return window.start > at ? window.start : at;
  }
  return null;
}

/** Like `findNextOpening`, but a schedule that never opens is an error (`NeverOpensError`). */
export function nextOpening(
  hours: OpeningHours | null,
  at: Date,
  holidays: HolidayCalendar = DUTCH_PUBLIC_HOLIDAYS,
  horizonDays: number = OPENING_SEARCH_HORIZON_DAYS,
): Date {
  if (hours === null) return at;
  const next = findNextOpening(hours, at, holidays, horizonDays);
  if (next === null) throw new NeverOpensError(hours, horizonDays);
  return next;
}

/**
 * The first instant at or after `at` when every schedule is open at once (e.g. the placing
 * authority's office hours and the facility's intake), or `null` within the horizon.
 * Fixed-point search: each schedule pushes the candidate to its own next opening until all agree;
 * no common instant can be skipped, because each step moves only to the earliest opening of one.
 */
export function nextCommonOpening(
  schedules: readonly (OpeningHours | null)[],
  at: Date,
  holidays: HolidayCalendar = DUTCH_PUBLIC_HOLIDAYS,
  horizonDays: number = OPENING_SEARCH_HORIZON_DAYS,
): Date | null {
  const limit = at.getTime() + horizonDays * 24 * 60 * 60 * 1000;
  let candidate = at;
  for (let round = 0; round < 10 * (horizonDays + 1); round++) {
    let moved = false;
    for (const hours of schedules) {
      const next = findNextOpening(hours, candidate, holidays, horizonDays);
      if (next === null || next.getTime() > limit) return null;
      if (next.getTime() !== candidate.getTime()) {
        candidate = next;
        moved = true;
      }
    }
    if (!moved) return candidate;
  }
  return null;
}
