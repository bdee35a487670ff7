/** A statement and its parameters, numbered from $1. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * Several data-modifying statements run as one: `WITH s0 AS (…), s1 AS (…) <final>`, with each
 * part's placeholders renumbered after the parts before it. One round trip, and atomic without a
 * transaction of its own (a statement applies whole or not at all), where a transaction would take
 * a BEGIN and a COMMIT and a round trip per part. `final` is given the parts' names (s0, s1, …),
 * in order, and reads what they return.
 *
 * The parts are statements the application builds (TypeORM's insert builder, the audit insert):
 * a `$` stands only in their placeholders, never in a literal, so renumbering by pattern is safe.
 */
export function asOneStatement(parts: readonly Statement[], final: (names: string[]) => string): Statement {
  const params: unknown[] = [];
  const names = parts.map((_, index) => `s${index}`);
  const clauses = parts.map((part, index) => {
    const offset = params.length;
    params.push(...part.params);
    const sql = part.sql.replace(/\$(\d+)/g, (_, n: string) => {
      const number = Number(n);
      if (number < 1 || number > part.params.length)
        throw new Error(`placeholder $${n} in a part of ${part.params.length} parameters`);
      return `$${number + offset}`;
    });
    return `${names[index]} AS (${sql})`;
  });
  return { sql: `WITH ${clauses.join(', ')} ${final(names)}`, params };
}
