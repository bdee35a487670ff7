import { availablePlaces, capacityViolations, MAX_PLACES_PER_FACILITY } from './capacity';

describe('availablePlaces', () => {
  it('is total minus occupied, held and out of service', () => {
    expect(availablePlaces({ total: 10, occupied: 4, held: 2, outOfService: 1 })).toBe(3);
  });

  it('is zero for a full facility', () => {
    expect(availablePlaces({ total: 6, occupied: 4, held: 1, outOfService: 1 })).toBe(0);
  });

  it('never goes below zero, even for inconsistent counts (api-contract.md: "never below zero")', () => {
    expect(availablePlaces({ total: 3, occupied: 5, held: 1, outOfService: 0 })).toBe(0);
  });
});

describe('capacityViolations', () => {
  it('accepts consistent counts, including an all-zero facility and a completely full one', () => {
    expect(capacityViolations({ total: 0, occupied: 0, held: 0, outOfService: 0 })).toEqual([]);
    expect(capacityViolations({ total: 8, occupied: 5, held: 2, outOfService: 1 })).toEqual([]);
  });

  it.each(['total', 'occupied', 'held', 'outOfService'] as const)('refuses a negative %s, naming the field', (field) => {
    const counts = { total: 5, occupied: 1, held: 0, outOfService: 0, [field]: -1 };
    const violations = capacityViolations(counts);
    expect(violations).toHaveLength(1);
    expect(violations[0].field).toBe(field);
    expect(violations[0].message).toContain(field);
  });

  it('refuses fractions and absurdly large numbers', () => {
    expect(capacityViolations({ total: 2.5, occupied: 0, held: 0, outOfService: 0 })[0].field).toBe('total');
    expect(capacityViolations({ total: MAX_PLACES_PER_FACILITY + 1, occupied: 0, held: 0, outOfService: 0 })[0].field).toBe(
      'total',
    );
  });

  it('refuses more used places than the total, and says by how much', () => {
    const [violation] = capacityViolations({ total: 5, occupied: 4, held: 1, outOfService: 1 });
    expect(violation.field).toBe('total');
    expect(violation.message).toContain('= 6 exceeds total (5)');
  });
});
