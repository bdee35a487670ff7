import { FixedClock } from '@opvangplek/platform';
import type { DataSource } from 'typeorm';
import { ResponsivenessFigures } from './responsiveness-figures';

/** Counts the statements the figures send (the caching is what is under test, not the SQL: see response-ranking.e2e-spec.ts). */
function countingSource(answer: () => Promise<unknown[]>) {
  const source = { statements: 0, query: () => ((source.statements += 1), answer()) };
  return source;
}
const ROW = [{ facility_id: 'vo-1', answered: 7, lapsed: 1, median: '12.04' }];

describe('the responsiveness figures the matcher ranks by (issue 18)', () => {
  const clock = new FixedClock(new Date('2026-11-28T02:00:00Z'));

  it('are not read at all while the weight is off', async () => {
    const source = countingSource(async () => ROW);
    const figures = new ResponsivenessFigures(source as unknown as DataSource, clock, { weight: 0, windowDays: 90 });
    expect(await figures.current()).toBeUndefined();
    expect(source.statements).toBe(0);
  });

  it('are one statement for a night of matches, every facility at once', async () => {
    const source = countingSource(async () => ROW);
    const figures = new ResponsivenessFigures(source as unknown as DataSource, clock, { weight: 300, windowDays: 90 });
    const answers = await Promise.all(Array.from({ length: 50 }, () => figures.current()));
    expect(source.statements).toBe(1);
    expect(answers[49]!.get('vo-1')).toEqual({ answered: 7, lapsed: 1, medianMinutes: 12 });
  });

  it('a failed read ranks without them, and the next match tries again', async () => {
    let fail = true;
    const source = countingSource(async () => {
      if (fail) throw new Error('connection reset');
      return ROW;
    });
    const figures = new ResponsivenessFigures(source as unknown as DataSource, clock, { weight: 300, windowDays: 90 });
    expect(await figures.current()).toBeUndefined();
    fail = false;
    await new Promise((resolve) => setImmediate(resolve));
    expect((await figures.current())?.get('vo-1')?.medianMinutes).toBe(12);
    expect(source.statements).toBe(2);
  });
});
