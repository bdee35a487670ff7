/**
 * Small-count suppression for every published count of people (issue 6, issue 12): a count from 1
 * to THRESHOLD − 1 points at someone, so it is not shown, and neither is anything it could be
 * recovered from. The one implementation, shared by placementStatistics and unmetDemand.
 *
 * As statistical offices do it for frequency tables:
 * - primary: a count from 1 to THRESHOLD − 1 is not shown (0 is shown: it points at nobody);
 * - secondary: a line (a total and the cells that add up to it, or at most to it) with a shown
 *   total and exactly one hidden cell would give that cell away by subtraction, so the next
 *   smallest non-zero cell is hidden as well (or, when there is none, the total);
 * - a hidden total hides its line whole, zeros too: nothing adds up to it, and "none of those few"
 *   says something about each of them.
 *
 * A table anyone may read again after each new person (the registration) hides zeros as well
 * (`hideZeros`): a cell going from a shown 0 to "suppressed" between two reads would describe the
 * one person added in between.
 */
export const SMALL_COUNT_THRESHOLD = 5;

export interface StatisticCount {
  key: string;
  /** null when suppressed. */
  count: number | null;
  suppressed: boolean;
}

export function isSmallCount(count: number, threshold = SMALL_COUNT_THRESHOLD): boolean {
  return count > 0 && count < threshold;
}

export interface SuppressionOptions {
  /** Hide a 0 like any count below the threshold (see the comment at the top). */
  hideZeros?: boolean;
}

interface Cell {
  key: string;
  count: number;
  suppressed: boolean;
}

/**
 * Primary and secondary suppression within one line, adding to what is already hidden. Returns
 * false when a lone hidden cell cannot be covered by another cell: the total must be hidden then.
 */
function suppressLine(cells: Cell[], totalShown: boolean, threshold: number, options: SuppressionOptions = {}): boolean {
  if (!totalShown) {
    for (const cell of cells) cell.suppressed = true;
    return true;
  }
  const hides = (count: number) => (options.hideZeros ? count < threshold : isSmallCount(count, threshold));
  // With zeros hidden, a lone hidden 0 follows by subtraction just as a lone hidden 3 does.
  const matters = (count: number) => options.hideZeros || count > 0;
  for (const cell of cells) if (hides(cell.count)) cell.suppressed = true;
  if (cells.filter((cell) => cell.suppressed && matters(cell.count)).length !== 1) return true;
  const next = cells
    .filter((cell) => !cell.suppressed && cell.count > 0)
    .sort((a, b) => a.count - b.count || a.key.localeCompare(b.key))[0];
  if (!next) return false;
  next.suppressed = true;
  return true;
}

/** One dimension of a table, its total shown or not, with primary and secondary suppression applied. */
export function suppressSmallCounts(
  counts: ReadonlyMap<string, number>,
  categories: readonly string[],
  totalShown: boolean,
  threshold = SMALL_COUNT_THRESHOLD,
  options: SuppressionOptions = {},
): StatisticCount[] {
  const cells = categories.map((key) => ({ key, count: counts.get(key) ?? 0, suppressed: false }));
  suppressLine(cells, totalShown, threshold, options);
  return cells.map(published);
}

/** A total and the cells that add up to it (or, when a person can count in several, at most to it). */
export interface CountLine {
  total: string;
  cells: readonly string[];
}

/**
 * Suppression over linked lines: a cell may be the total of one line and a cell of another (the
 * requests that waited are a part of all requests and the total of the waits per reason). Keys
 * that are never published themselves but follow by subtraction (requests that did not wait) are
 * cells too, so that they are protected like any other. Applied until nothing changes; returns
 * the hidden keys.
 */
export function suppressLinkedCounts(
  counts: ReadonlyMap<string, number>,
  lines: readonly CountLine[],
  threshold = SMALL_COUNT_THRESHOLD,
): Set<string> {
  const hidden = new Set<string>();
  for (const [key, count] of counts) if (isSmallCount(count, threshold)) hidden.add(key);
  const count = (key: string) => counts.get(key) ?? 0;
  for (;;) {
    for (let changed = true; changed;) {
      changed = false;
      for (const line of lines) {
        const cells = line.cells.map((key) => ({ key, count: count(key), suppressed: hidden.has(key) }));
        const covered = suppressLine(cells, !hidden.has(line.total), threshold);
        for (const cell of cells) {
          if (cell.suppressed && !hidden.has(cell.key)) {
            hidden.add(cell.key);
            changed = true;
          }
        }
        if (!covered && !hidden.has(line.total)) {
          hidden.add(line.total);
          changed = true;
        }
      }
    }
    // Two hidden cells per line is not always enough where lines cross (a row and a column): a
    // hidden cell the published figures still pin down by solving the lines together gets company.
    const recoverable = recoverableKeys(counts, lines, hidden);
    if (recoverable.length === 0) return hidden;
    const key = recoverable[0];
    const around = lines.filter((line) => line.total === key || line.cells.includes(key));
    const next = around
      .flatMap((line) => [...line.cells, line.total])
      .filter((other) => !hidden.has(other) && count(other) > 0)
      .sort((a, b) => count(a) - count(b) || a.localeCompare(b))[0];
    // Nothing beside it is left to hide: then it is zero, or its line is hidden whole already.
    if (next === undefined) return hidden;
    hidden.add(next);
  }
}

/**
 * The hidden keys whose value follows from the shown ones: each line is an equation (total minus
 * its cells is zero) in the hidden values; a hidden value is determined when the reduced row
 * echelon form of those equations has a row with that value alone.
 */
export function recoverableKeys(
  counts: ReadonlyMap<string, number>,
  lines: readonly CountLine[],
  hidden: ReadonlySet<string>,
): string[] {
  const inLines = new Set(lines.flatMap((line) => [line.total, ...line.cells]));
  const unknowns = [...hidden].filter((key) => inLines.has(key));
  const column = new Map(unknowns.map((key, index) => [key, index]));
  const rows: number[][] = [];
  for (const line of lines) {
    const row = new Array<number>(unknowns.length).fill(0);
    let any = false;
    const add = (key: string, sign: number) => {
      const index = column.get(key);
      if (index === undefined) return;
      row[index] += sign;
      any = true;
    };
    add(line.total, 1);
    for (const cell of line.cells) add(cell, -1);
    if (any) rows.push(row);
  }
  const EPSILON = 1e-9;
  let pivotRow = 0;
  const pivots: number[] = [];
  for (let col = 0; col < unknowns.length && pivotRow < rows.length; col += 1) {
    const found = rows.findIndex((row, index) => index >= pivotRow && Math.abs(row[col]) > EPSILON);
    if (found === -1) continue;
    [rows[pivotRow], rows[found]] = [rows[found], rows[pivotRow]];
    const pivot = rows[pivotRow][col];
    rows[pivotRow] = rows[pivotRow].map((value) => value / pivot);
    for (let other = 0; other < rows.length; other += 1) {
      const factor = rows[other][col];
      if (other === pivotRow || Math.abs(factor) <= EPSILON) continue;
      rows[other] = rows[other].map((value, index) => value - factor * rows[pivotRow][index]);
    }
    pivots.push(col);
    pivotRow += 1;
  }
  return pivots
    .filter((col, index) => rows[index].every((value, other) => other === col || Math.abs(value) <= EPSILON))
    .map((col) => unknowns[col]);
}

function published(cell: Cell): StatisticCount {
  return { key: cell.key, count: cell.suppressed ? null : cell.count, suppressed: cell.suppressed };
}
