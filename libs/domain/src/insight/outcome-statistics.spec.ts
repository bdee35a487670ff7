import { StayOutcome } from '../placement/stay-outcome';
import { outcomeStatistics } from './placement-statistics';

const count = (statistics: ReturnType<typeof outcomeStatistics>, key: string) =>
  statistics.byOutcome.find((cell) => cell.key === key);

describe('how stays ended, counted for the planners (issue 14: outcomes are codes)', () => {
  it('counts people per outcome, a group member each, and a stay ended without one as NOT_RECORDED', () => {
    const statistics = outcomeStatistics([
      ...Array.from({ length: 6 }, () => ({ outcome: StayOutcome.OWN_HOUSING, people: 1 })),
      { outcome: StayOutcome.RETURNED_HOME, people: 5 }, // a group of five went home together
      ...Array.from({ length: 5 }, () => ({ outcome: null, people: 1 })),
    ]);
    expect(statistics.left).toBe(16);
    expect(count(statistics, 'OWN_HOUSING')).toEqual({ key: 'OWN_HOUSING', count: 6, suppressed: false });
    expect(count(statistics, 'RETURNED_HOME')).toEqual({ key: 'RETURNED_HOME', count: 5, suppressed: false });
    expect(count(statistics, 'NOT_RECORDED')).toEqual({ key: 'NOT_RECORDED', count: 5, suppressed: false });
    expect(count(statistics, 'DECEASED')).toEqual({ key: 'DECEASED', count: 0, suppressed: false });
  });

  it('hides a small count, and a second one where the first could be found by subtraction', () => {
    const statistics = outcomeStatistics([
      ...Array.from({ length: 10 }, () => ({ outcome: StayOutcome.OWN_HOUSING, people: 1 })),
      { outcome: StayOutcome.DECEASED, people: 1 },
    ]);
    expect(statistics.left).toBe(11);
    expect(count(statistics, 'DECEASED')).toEqual({ key: 'DECEASED', count: null, suppressed: true });
    // Total 11 and OWN_HOUSING 10 would give DECEASED away: OWN_HOUSING is hidden too.
    expect(count(statistics, 'OWN_HOUSING')?.suppressed).toBe(true);
  });

  it('hides the whole table when too few people left to publish any of it', () => {
    const statistics = outcomeStatistics([{ outcome: StayOutcome.OWN_HOUSING, people: 3 }]);
    expect(statistics.left).toBeNull();
    expect(statistics.byOutcome.every((cell) => cell.count === null)).toBe(true);
  });
});
