/**
 * Reads the CSV endpoints' query string with the same rules, and the same clear errors naming the
 * parameter, as the GraphQL arguments they mirror.
 */
import { readInstant, InvalidInputError } from '@opvangplek/platform';
import { CSV_DIALECTS, type CsvDialect } from './csv';

export type QueryString = Record<string, unknown>;

/** Repeated (`?types=A&types=B`) or comma-separated (`?types=A,B`); absent: null. */
export function listParam(query: QueryString, name: string): string[] | null {
  const raw = query[name];
  if (raw === undefined || raw === '') return null;
  const parts = (Array.isArray(raw) ? raw : [raw]).flatMap((value) => (typeof value === 'string' ? value.split(',') : [null]));
  if (parts.some((part) => part === null))
    throw new InvalidInputError(name, `${name} must be a list of codes, e.g. ${name}=A,B.`);
  return (parts as string[]).map((part) => part.trim()).filter((part) => part.length > 0);
}

export function enumListParam<E extends string>(query: QueryString, name: string, values: Record<string, E>): E[] | null {
  const list = listParam(query, name);
  if (list === null) return null;
  const allowed = new Set<string>(Object.values(values));
  const wrong = list.filter((value) => !allowed.has(value));
  if (wrong.length > 0)
    throw new InvalidInputError(name, `${name} may hold ${[...allowed].join(', ')}; got ${wrong.slice(0, 3).join(', ')}.`);
  return list as E[];
}

export function enumParam<E extends string>(query: QueryString, name: string, values: Record<string, E>): E | null {
  const list = enumListParam(query, name, values);
  if (list && list.length > 1) throw new InvalidInputError(name, `${name} takes one value.`);
  return list?.[0] ?? null;
}

export function instantParam(query: QueryString, name: string): Date {
  const value = query[name];
  const instant = readInstant(value);
  if (!instant) {
    throw new InvalidInputError(
      name,
      `${name} is required: an ISO 8601 instant with an offset, e.g. ${name}=2026-11-01T00:00:00%2B01:00 or 2026-10-31T23:00:00Z${value === undefined ? '' : `; got ${JSON.stringify(value).slice(0, 40)}`}.`,
    );
  }
  return instant;
}

export function integerParam(query: QueryString, name: string): number {
  const value = query[name];
  if (typeof value !== 'string' || !/^\d{1,6}$/.test(value))
    throw new InvalidInputError(name, `${name} is required: a whole number, e.g. ${name}=2026.`);
  return Number(value);
}

/** `?format=excel-nl` for Dutch Excel; absent: the standard, machine-readable file. */
export function formatParam(query: QueryString): CsvDialect {
  const value = query.format;
  if (value === undefined || value === '') return 'standard';
  if (typeof value === 'string' && (CSV_DIALECTS as readonly string[]).includes(value)) return value as CsvDialect;
  throw new InvalidInputError(
    'format',
    `format may be ${CSV_DIALECTS.join(' or ')} (excel-nl: semicolons, a BOM, Amsterdam times and Dutch words, for Dutch Excel); got ${JSON.stringify(value).slice(0, 40)}.`,
  );
}
