import type { Language, MessageKey } from './messages';

interface Words {
  language: Language;
  t(key: MessageKey): string;
  f(key: MessageKey, values: Record<string, string>): string;
}

const ZONE = 'Europe/Amsterdam';
const DAY_MS = 86_400_000;

/** The calendar day of `at` in Amsterdam, as a number of days (for "vandaag", "gisteren", "morgen"). */
function amsterdamDay(at: number): number {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(new Date(at))
    .split('-')
    .map(Number);
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** Whether `iso` falls on today's date in Amsterdam. */
export function isTodayInAmsterdam(iso: string, now = Date.now()): boolean {
  const at = Date.parse(iso);
  return !Number.isNaN(at) && amsterdamDay(at) === amsterdamDay(now);
}

/** "03:12": the clock time of `iso` in Amsterdam. */
export function clockWords(words: Pick<Words, 'language'>, iso: string): string {
  return new Intl.DateTimeFormat(words.language === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: ZONE,
    hour: '2-digit',
    minute: '2-digit',
  }).format(Date.parse(iso));
}

/**
 * A moment as people on shift say it: "vandaag 03:12", "gisteren 23:40", "morgen 09:00", else
 * "ma 7 dec 09:00" (in Amsterdam time). Never an ISO timestamp.
 */
export function momentWords(words: Words, iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const locale = words.language === 'nl' ? 'nl-NL' : 'en-GB';
  const time = new Intl.DateTimeFormat(locale, { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(at);
  const days = amsterdamDay(at) - amsterdamDay(now);
  if (days === 0) return words.f('time.today', { time });
  if (days === -1) return words.f('time.yesterday', { time });
  if (days === 1) return words.f('time.tomorrow', { time });
  const date = new Intl.DateTimeFormat(locale, {
    timeZone: ZONE,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(Math.abs(days) > 300 ? { year: 'numeric' } : {}),
  }).format(at);
  return `${date} ${time}`;
}

/** A date without a time (e.g. the end of a bedenktijd, "2026-12-04"): "4 dec 2026". */
export function dateWords(words: Words, isoDate: string): string {
  const at = Date.parse(isoDate.length === 10 ? `${isoDate}T12:00:00Z` : isoDate);
  if (Number.isNaN(at)) return isoDate;
  return new Intl.DateTimeFormat(words.language === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: ZONE,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(at);
}

/** How long ago, for the last hour ("3 min geleden", "zojuist"); null when longer ago or in the future. */
export function agoWords(words: Words, iso: string, now = Date.now()): string | null {
  const ms = now - Date.parse(iso);
  if (Number.isNaN(ms) || ms < -60_000 || ms >= 3_600_000) return null;
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  return minutes === 0 ? words.t('time.justNow') : words.f('time.minutesAgo', { n: String(minutes) });
}

/** "3 min geleden" within the hour, else "vandaag 03:12". */
export function whenWords(words: Words, iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—';
  return agoWords(words, iso, now) ?? momentWords(words, iso, now);
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * Time left until `iso`, ticking: "nog 1:42:10" from an hour on, "verloopt over 12 min" within the
 * hour, "verloopt over 4:05" in the last ten minutes, then "verlopen".
 */
export function countdownWords(words: Words, iso: string, now = Date.now()): { text: string; urgent: boolean; expired: boolean } {
  const left = Math.floor((Date.parse(iso) - now) / 1000);
  if (Number.isNaN(left) || left <= 0) return { text: words.t('time.expired'), urgent: true, expired: true };
  const hours = Math.floor(left / 3600);
  const minutes = Math.floor((left % 3600) / 60);
  const seconds = left % 60;
  if (hours > 0)
    return { text: words.f('time.left', { time: `${hours}:${pad(minutes)}:${pad(seconds)}` }), urgent: false, expired: false };
  if (left >= 600) return { text: words.f('time.expiresInMinutes', { n: String(minutes) }), urgent: false, expired: false };
  return { text: words.f('time.expiresIn', { time: `${minutes}:${pad(seconds)}` }), urgent: true, expired: false };
}
