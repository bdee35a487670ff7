/**
 * Capacity arithmetic for one facility. Pure: the database enforces the same invariant with a CHECK
 * constraint, and this module gives the caller a sentence per violated field before it gets there.
 */

export interface CapacityCounts {
  /** Places the facility has in all. */
  total: number;
  /** Places taken by people staying there. */
  occupied: number;
  /** Places reserved by an open offer (a hold), not yet occupied. */
  held: number;
  /** Places that cannot be used (repairs, staff shortage). */
  outOfService: number;
}

/** Free places: never below zero, even when counts were entered inconsistently upstream. */
export function availablePlaces(counts: CapacityCounts): number {
  return Math.max(0, counts.total - counts.occupied - counts.held - counts.outOfService);
}

export interface CapacityViolation {
  field: keyof CapacityCounts;
  message: string;
}

/** The largest count a facility may report; far above any real shelter, low enough to catch typos. */
export const MAX_PLACES_PER_FACILITY = 10_000;

/**
 * Every reason these counts cannot be stored, each naming the field and what is allowed.
 * An empty list means the counts are valid.
 */
export function capacityViolations(counts: CapacityCounts): CapacityViolation[] {
  const violations: CapacityViolation[] = [];
  for (const field of ['total', 'occupied', 'held', 'outOfService'] as const) {
    const value = counts[field];
    if (!Number.isInteger(value) || value < 0 || value > MAX_PLACES_PER_FACILITY) {
      violations.push({
        field,
        message: `${field} must be a whole number from 0 to ${MAX_PLACES_PER_FACILITY}, got ${value}`,
      });
    }
  }
  if (violations.length > 0) return violations;

  const used = counts.occupied + counts.held + counts.outOfService;
  if (used > counts.total) {
    violations.push({
      field: 'total',
      message:
        `occupied (${counts.occupied}) + held (${counts.held}) + outOfService (${counts.outOfService}) ` +
        `= ${used} exceeds total (${counts.total}); raise total or lower the others`,
    });
  }
  return violations;
}

/**
 * How much room a facility shows to a caller who may not see its exact counts: a secret-address
 * facility to whoever may not locate it (issue 12). Two bands on purpose: an offer changes the band
 * only when it takes the last free place, which `placeableNow` and NO_CAPACITY tell anyway; every
 * further boundary (a FEW band, say) would be one more step a single hold could be seen to cross.
 */
export enum AvailabilityBand {
  /** No free place. */
  NONE = 'NONE',
  /** At least one free place. */
  AVAILABLE = 'AVAILABLE',
}

export function availabilityBand(free: number): AvailabilityBand {
  return free > 0 ? AvailabilityBand.AVAILABLE : AvailabilityBand.NONE;
}
