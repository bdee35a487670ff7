import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** ISO 8601 instant with an offset (api-contract.md "Scalars"): 2026-11-28T23:00:00+01:00 or …Z. */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** The instant an ISO 8601 text with an offset names, or null when it names none (strictly). */
export function readInstant(value: unknown): Date | null {
  const match = typeof value === 'string' ? INSTANT.exec(value) : null;
  if (match) {
    const [month, day, hour, minute, second] = [match[2], match[3], match[4], match[5], match[6] ?? '0'].map(Number);
    const offsetOk = match[7] === 'Z' || (Number(match[8]) <= 18 && Number(match[9]) < 60);
    const date = new Date(value as string);
    // Date accepts "2026-02-30" by rolling over; the calendar parts must be real ones.
    const days = new Date(Date.UTC(Number(match[1]), month, 0)).getUTCDate();
    if (
      offsetOk &&
      !Number.isNaN(date.getTime()) &&
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= days &&
      hour < 24 &&
      minute < 60 &&
      second < 60
    ) {
      return date;
    }
  }
  return null;
}

function parseInstant(value: unknown): Date {
  const instant = readInstant(value);
  if (instant) return instant;
  throw new GraphQLError(
    `DateTime must be an ISO 8601 instant with an offset, e.g. 2026-11-28T23:00:00+01:00 or 2026-11-28T22:00:00Z; got ${JSON.stringify(value)?.slice(0, 40)}`,
    { extensions: { code: 'BAD_USER_INPUT' } },
  );
}

/**
 * `DateTime`, strictly: an input without an offset, or with an impossible date, is a clear
 * BAD_USER_INPUT (Nest's default scalar would make it an Invalid Date and, later, a 500).
 * Always returned in UTC (`Z`).
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant, ISO 8601 with an offset (2026-11-28T23:00:00+01:00); returned in UTC (Z).',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime cannot represent an invalid date');
    return date.toISOString();
  },
  parseValue: parseInstant,
  parseLiteral(ast) {
    return parseInstant(ast.kind === Kind.STRING ? ast.value : undefined);
  },
});
