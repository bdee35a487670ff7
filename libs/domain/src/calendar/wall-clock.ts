/**
 * Europe/Amsterdam wall-clock arithmetic without a date library. Reading uses `Intl.DateTimeFormat`
 * (full ICU ships with Node); writing (wall clock → instant) resolves daylight-saving gaps and
 * overlaps explicitly, so "09:00 on the last Sunday of March" is one well-defined instant.
 */
import { IsoWeekday } from '../register';

export const AMSTERDAM_TIME_ZONE = 'Europe/Amsterdam';

/** A calendar day in Europe/Amsterdam. `month` is 1–12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** The wall-clock reading of one instant in Europe/Amsterdam. */
export interface WallClock extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  weekday: IsoWeekday;
  /** Minutes since local midnight (0–1439). */
  minuteOfDay: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: AMSTERDAM_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

function assertValidInstant(at: Date): void {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
    throw new RangeError(`expected a valid Date instant, got ${String(at)}`);
  }
}

/** Wall-clock fields straight from ICU (the source of truth; slow-ish, hence the cache below). */
function intlWallFields(at: Date): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  // Some ICU versions print midnight as 24 even with h23; normalise defensively.
  const hour = parts.hour === 24 ? 0 : parts.hour;
  return { year: parts.year, month: parts.month, day: parts.day, hour, minute: parts.minute, second: parts.second };
}

function intlOffsetMs(instantMs: number): number {
  const secondMs = Math.floor(instantMs / 1000) * 1000;
  const w = intlWallFields(new Date(secondMs));
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - secondMs;
}

/**
 * Since 1977 every Amsterdam offset change happens on a whole UTC hour (EU rule: 01:00 UTC), so the
 * offset read once per UTC hour is exact for the whole hour. The memo keeps matching over hundreds
 * of facilities and a year of days cheap; it is bounded and holds no request data.
 */
const HOUR_MS = 60 * MINUTE_MS;
const CACHE_FROM_MS = Date.UTC(1977, 0, 1);
const MAX_CACHED_HOURS = 200_000;
const offsetByUtcHour = new Map<number, number>();

/** UTC offset of Amsterdam at an instant, in milliseconds (+1h in winter, +2h in summer). */
function offsetMs(instantMs: number): number {
  if (instantMs < CACHE_FROM_MS) return intlOffsetMs(instantMs);
  const hour = Math.floor(instantMs / HOUR_MS);
  let offset = offsetByUtcHour.get(hour);
  if (offset === undefined) {
    if (offsetByUtcHour.size >= MAX_CACHED_HOURS) offsetByUtcHour.clear();
    offset = intlOffsetMs(hour * HOUR_MS);
    offsetByUtcHour.set(hour, offset);
  }
  return offset;
}

/**
 * The last reading: one question asks about one instant many times (every eligibility class and
 * every opening-hours check of a match reads the wall clock at `at`). Readings are frozen, so
 * sharing one is safe.
 */
let lastReading: { secondMs: number; wall: Readonly<WallClock> } | undefined;

/** Reads the Amsterdam wall clock at an instant. */
export function wallClock(at: Date): Readonly<WallClock> {
  assertValidInstant(at);
  const secondMs = Math.floor(at.getTime() / 1000) * 1000;
  if (lastReading?.secondMs === secondMs) return lastReading.wall;
  const wall = new Date(secondMs + offsetMs(secondMs));
  const date: LocalDate = { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
  const hour = wall.getUTCHours();
  const minute = wall.getUTCMinutes();
  const reading: WallClock = {
    ...date,
    hour,
    minute,
    second: wall.getUTCSeconds(),
    weekday: isoWeekday(date),
    minuteOfDay: hour * 60 + minute,
  };
  lastReading = { secondMs, wall: Object.freeze(reading) };
  return lastReading.wall;
}

/** The Amsterdam calendar day an instant falls on. */
export function localDateOf(at: Date): LocalDate {
  const { year, month, day } = wallClock(at);
  return { year, month, day };
}

/** `YYYY-MM-DD`, the contract's `Date` scalar. */
export function formatLocalDate(date: LocalDate): string {
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Parses a strict `YYYY-MM-DD` that names a real calendar day; `null` otherwise. */
export function parseLocalDate(text: string): LocalDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const roundTrip = fromUtcDay(Date.UTC(date.year, date.month - 1, date.day));
  return compareLocalDates(roundTrip, date) === 0 ? date : null;
}

function fromUtcDay(ms: number): LocalDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Calendar arithmetic on days (no time zone involved: a day is a day). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtcDay(Date.UTC(date.year, date.month - 1, date.day + days));
}

/**
 * Adds calendar months, clamping to the last day of a shorter month (30 November + 3 months =
 * 28 or 29 February): the result is never later than the same day number would suggest.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const firstOfTarget = fromUtcDay(Date.UTC(date.year, date.month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.year, firstOfTarget.month, 0)).getUTCDate();
  return { ...firstOfTarget, day: Math.min(date.day, lastDay) };
}

/** Negative when `a` is before `b`, 0 when the same day, positive when after. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

export function isoWeekday(date: LocalDate): IsoWeekday {
  const sundayZero = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return (sundayZero === 0 ? 7 : sundayZero) as IsoWeekday;
}

/**
 * The instant at which Amsterdam clocks show `minuteOfDay` (0–1440; 1440 = next midnight) on `date`.
 *
 * Daylight saving (EU rule: last Sunday of March and October, at 01:00 UTC):
 * - gap (02:00–03:00 in March does not exist): the time is moved forward by the gap, so 02:30
 *   becomes 03:30 CEST — the same choice as Temporal's `disambiguation: 'compatible'`;
 * - overlap (02:00–03:00 in October happens twice): the earlier instant (CEST) is chosen, so an
 *   opening at that time is never missed.
 */
export function instantAt(date: LocalDate, minuteOfDay: number): Date {
  const wallMs = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  // Offsets a day either side: at most one transition lies between them.
  const before = offsetMs(wallMs - DAY_MS);
  const after = offsetMs(wallMs + DAY_MS);
  const candidates = [wallMs - before, wallMs - after].filter((t) => offsetMs(t) === wallMs - t);
  if (candidates.length === 0) return new Date(wallMs - before); // gap
  return new Date(Math.min(...candidates));
}

/** The first instant of an Amsterdam calendar day (always 00:00: NL transitions are at 02:00/03:00). */
export function startOfLocalDay(date: LocalDate): Date {
  return instantAt(date, 0);
}
