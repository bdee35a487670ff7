import { Scalar, type CustomScalar } from '@nestjs/graphql';
import { GraphQLError, Kind, type ValueNode } from 'graphql';

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseCalendarDay(value: unknown): string {
  if (typeof value === 'string') {
    const match = CALENDAR_DAY.exec(value);
    if (match) {
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const date = new Date(Date.UTC(year, month - 1, day));
      if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return value;
    }
  }
  throw new GraphQLError(
    `Date must be a calendar day written YYYY-MM-DD, e.g. 2026-11-28; got ${JSON.stringify(value)?.slice(0, 40)}`,
    {
      extensions: { code: 'BAD_USER_INPUT' },
    },
  );
}

/** `Date`: a calendar day `YYYY-MM-DD`, read in Europe/Amsterdam (api-contract.md "Scalars"). Kept as the string. */
@Scalar('Date', () => CalendarDate)
export class CalendarDate implements CustomScalar<string, string> {
  description = 'A calendar day, YYYY-MM-DD, in Europe/Amsterdam.';

  parseValue(value: unknown): string {
    return parseCalendarDay(value);
  }

  serialize(value: unknown): string {
    return parseCalendarDay(value);
  }

  parseLiteral(ast: ValueNode): string {
    return parseCalendarDay(ast.kind === Kind.STRING ? ast.value : undefined);
  }
}
