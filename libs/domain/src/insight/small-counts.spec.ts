import fc from 'fast-check';
import {
  type CountLine,
  recoverableKeys,
  SMALL_COUNT_THRESHOLD,
  suppressLinkedCounts,
  suppressSmallCounts,
} from './small-counts';

/** A table of rows × columns with its row, column and grand totals, as lines. */
function table(values: number[][]): { counts: Map<string, number>; lines: CountLine[] } {
  const counts = new Map<string, number>();
  const lines: CountLine[] = [];
  const columns = values[0].length;
  values.forEach((row, r) => row.forEach((value, c) => counts.set(`${r},${c}`, value)));
  values.forEach((row, r) => {
    counts.set(
      `row${r}`,
      row.reduce((sum, v) => sum + v, 0),
    );
    lines.push({ total: `row${r}`, cells: row.map((_, c) => `${r},${c}`) });
  });
  for (let c = 0; c < columns; c += 1) {
    counts.set(
      `col${c}`,
      values.reduce((sum, row) => sum + row[c], 0),
    );
    lines.push({ total: `col${c}`, cells: values.map((_, r) => `${r},${c}`) });
  }
  counts.set(
    'all',
    values.flat().reduce((sum, v) => sum + v, 0),
  );
  lines.push({ total: 'all', cells: values.map((_, r) => `row${r}`) });
  lines.push({ total: 'all', cells: Array.from({ length: columns }, (_, c) => `col${c}`) });
  return { counts, lines };
}

/** The attacker's arithmetic, written apart from the implementation: rank of the lines with and without x = 1. */
function rank(matrix: number[][]): number {
  const rows = matrix.map((row) => [...row]);
  let found = 0;
  for (let col = 0; col < (rows[0]?.length ?? 0); col += 1) {
    const pivot = rows.findIndex((row, i) => i >= found && Math.abs(row[col]) > 1e-9);
    if (pivot === -1) continue;
    [rows[found], rows[pivot]] = [rows[pivot], rows[found]];
    for (let i = found + 1; i < rows.length; i += 1) {
      const factor = rows[i][col] / rows[found][col];
      rows[i] = rows[i].map((v, j) => v - factor * rows[found][j]);
    }
    found += 1;
  }
  return found;
}
function attackerRecovers(lines: CountLine[], hidden: Set<string>, key: string): boolean {
  const unknowns = [...hidden];
  const equations = lines.map((line) =>
    unknowns.map((u) => (u === line.total ? 1 : 0) - line.cells.filter((cell) => cell === u).length),
  );
  const target = unknowns.map((u) => (u === key ? 1 : 0));
  return rank([...equations, target]) === rank(equations);
}

const smallish = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 40 }));

describe('small-count suppression', () => {
  it('hides counts from 1 to 4, and a second cell beside a lone hidden one', () => {
    const counts = new Map([
      ['A', 20],
      ['B', 3],
      ['C', 8],
      ['D', 0],
    ]);
    expect(suppressSmallCounts(counts, ['A', 'B', 'C', 'D'], true)).toEqual([
      { key: 'A', count: 20, suppressed: false },
      { key: 'B', count: null, suppressed: true },
      { key: 'C', count: null, suppressed: true },
      { key: 'D', count: 0, suppressed: false },
    ]);
  });

  it('protects a cell that only crossing lines give away (a hidden cell alone in its column)', () => {
    // Row 0 hides 2 and 3 (two per row), but column 0 would still give the 2 away: 10 − 8.
    const { counts, lines } = table([
      [2, 3, 30],
      [8, 9, 7],
    ]);
    const hidden = suppressLinkedCounts(counts, lines);
    expect(hidden.has('0,0')).toBe(true);
    for (const key of hidden) expect(attackerRecovers(lines, hidden, key)).toBe(false);
    expect(recoverableKeys(counts, lines, hidden)).toEqual([]);
  });

  it('in any table: no published cell or total is 1–4, and no hidden one can be recovered from its row and column totals (property)', () => {
    const tables = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
      .chain(([rows, columns]) =>
        fc.array(fc.array(smallish, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
      );
    fc.assert(
      fc.property(tables, (values) => {
        const { counts, lines } = table(values);
        const hidden = suppressLinkedCounts(counts, lines);
        for (const [key, count] of counts) {
          if (!hidden.has(key)) expect(count === 0 || count >= SMALL_COUNT_THRESHOLD).toBe(true);
        }
        for (const key of hidden) expect(attackerRecovers(lines, hidden, key)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
