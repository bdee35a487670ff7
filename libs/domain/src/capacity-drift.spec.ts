import { capacityDrift } from './capacity-drift';

const counts = (held: number, occupied = 5, total = 10, outOfService = 0) => ({ total, occupied, held, outOfService });

describe('capacityDrift', () => {
  it('finds nothing when held equals the active holds and occupied covers the placed stays', () => {
    expect(capacityDrift({ counts: counts(2), heldByHolds: 2, placedByHolds: 5 })).toEqual([]);
  });

  it('held places with no hold behind them: the holds prove the value, and it is repaired', () => {
    expect(capacityDrift({ counts: counts(3), heldByHolds: 1, placedByHolds: 0 })).toEqual([
      expect.objectContaining({ field: 'held', stored: 3, ledger: 1, repairTo: 1 }),
    ]);
  });

  it('holds that held does not count are repaired too, when they fit the facility', () => {
    expect(capacityDrift({ counts: counts(0), heldByHolds: 2, placedByHolds: 0 })).toEqual([
      expect.objectContaining({ field: 'held', repairTo: 2 }),
    ]);
  });

  it('holds that do not fit the other counts are reported, not repaired', () => {
    expect(capacityDrift({ counts: counts(0, 9), heldByHolds: 2, placedByHolds: 0 })).toEqual([
      expect.objectContaining({ field: 'held', stored: 0, ledger: 2, repairTo: null }),
    ]);
  });

  it('more occupied than the register placed is the shelter’s own count, not drift', () => {
    expect(capacityDrift({ counts: counts(0, 9), heldByHolds: 0, placedByHolds: 1 })).toEqual([]);
  });

  it('fewer occupied than the register placed is reported and never repaired', () => {
    expect(capacityDrift({ counts: counts(0, 1), heldByHolds: 0, placedByHolds: 3 })).toEqual([
      expect.objectContaining({ field: 'occupied', stored: 1, ledger: 3, repairTo: null }),
    ]);
  });
});
