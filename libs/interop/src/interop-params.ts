/**
 * The query strings of the open-standard endpoints, read strictly: a parameter we do not support is
 * refused by name (a FHIR client otherwise takes an unfiltered answer for a filtered one, which
 * FHIR calls lenient handling; we answer as with `Prefer: handling=strict`), and a bad value says
 * what is allowed.
 */
import { InvalidInputError } from '@opvangplek/platform';

export type QueryString = Record<string, unknown>;

/** The most entries one answer holds: the national register (216 facilities) fits in one. */
export const MAX_PAGE_SIZE = 1000;

export function assertOnly(query: QueryString, allowed: readonly string[]): void {
  const unknown = Object.keys(query).filter((name) => !allowed.includes(name));
  if (unknown.length > 0) {
    const name = unknown[0];
    throw new InvalidInputError(
      name.slice(0, 40),
      `${name.slice(0, 40)} is not a parameter of this endpoint; it takes ${allowed.join(', ')}.`,
    );
  }
}

/** `?region=AMS,RR` or `?region=AMS&region=RR`; absent: every region. Checked against the register's regions. */
export function regionCodesParam(query: QueryString, name: string, known: readonly string[]): string[] | null {
  const raw = query[name];
  if (raw === undefined) return null;
  const values = Array.isArray(raw) ? raw : [raw];
  if (values.some((value) => typeof value !== 'string'))
    throw new InvalidInputError(name, `${name} must be region codes, e.g. ${name}=AMS,RR.`);
  const codes = (values as string[]).flatMap((value) => value.split(',')).map((code) => code.trim());
  if (codes.some((code) => code === ''))
    throw new InvalidInputError(name, `${name} must be region codes, e.g. ${name}=AMS,RR; an empty code was given.`);
  if (codes.length > 100) throw new InvalidInputError(name, `${name} may hold at most 100 codes.`);
  const unknown = codes.filter((code) => !known.includes(code));
  if (unknown.length > 0)
    throw new InvalidInputError(
      name,
      `${name} must be codes of the register's regions (e.g. ${known.slice(0, 3).join(', ')}); unknown: ${unknown
        .slice(0, 3)
        .map((code) => JSON.stringify(code.slice(0, 20)))
        .join(', ')}.`,
    );
  return [...new Set(codes)];
}

/** A whole number in [min, max]; absent: `fallback`. */
export function wholeNumberParam(
  query: QueryString,
  name: string,
  range: { min: number; max: number; fallback: number },
): number {
  const raw = query[name];
  if (raw === undefined) return range.fallback;
  const value = typeof raw === 'string' && /^\d{1,7}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value < range.min || value > range.max)
    throw new InvalidInputError(
      name,
      `${name} must be one whole number from ${range.min} to ${range.max}${
        typeof raw === 'string' ? `; got ${JSON.stringify(raw.slice(0, 20))}` : ''
      }.`,
    );
  return value;
}
