import { asOneStatement } from './one-statement';

describe('asOneStatement', () => {
  it('numbers each part’s placeholders after the parts before it, and names the parts for the final select', () => {
    const statement = asOneStatement(
      [
        { sql: 'INSERT INTO a (x, y) VALUES ($1, $2) RETURNING id', params: ['x', 'y'] },
        { sql: 'INSERT INTO b (z) VALUES ($1), ($2), ($3)', params: [1, 2, 3] },
        { sql: 'INSERT INTO c (w) VALUES ($1)', params: [null] },
      ],
      ([first]) => `SELECT id FROM ${first}`,
    );
    expect(statement.sql).toBe(
      'WITH s0 AS (INSERT INTO a (x, y) VALUES ($1, $2) RETURNING id), s1 AS (INSERT INTO b (z) VALUES ($3), ($4), ($5)), s2 AS (INSERT INTO c (w) VALUES ($6)) SELECT id FROM s0',
    );
    expect(statement.params).toEqual(['x', 'y', 1, 2, 3, null]);
  });

  it('renumbers $10 and up as one placeholder, not as $1 followed by a digit', () => {
    const params = Array.from({ length: 12 }, (_, i) => i);
    const statement = asOneStatement(
      [
        { sql: 'SELECT $1', params: ['first'] },
        { sql: `INSERT INTO t VALUES (${params.map((i) => `$${i + 1}`).join(', ')})`, params },
      ],
      () => 'SELECT 1',
    );
    expect(statement.sql).toContain('VALUES ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)');
  });

  it('refuses a part whose placeholders outnumber its parameters (it would read another part’s)', () => {
    expect(() => asOneStatement([{ sql: 'INSERT INTO t VALUES ($1, $2)', params: ['only one'] }], () => 'SELECT 1')).toThrow(
      'placeholder $2 in a part of 1 parameters',
    );
  });
});
