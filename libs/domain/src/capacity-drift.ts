import { capacityViolations, type CapacityCounts } from './capacity';

/** One facility's stored counts beside what the placement ledger says about them. */
export interface CapacityLedgerFacts {
  counts: CapacityCounts;
  /** Places taken by its holds that are still HELD (an offer or an accepted place not yet arrived). */
  heldByHolds: number;
  /** Places taken by its holds that are OCCUPIED (people the register placed there and whose stay has not ended). */
  placedByHolds: number;
}

export type CapacityDriftField = 'held' | 'occupied';

export interface CapacityDriftFinding {
  field: CapacityDriftField;
  stored: number;
  /** What the ledger says it should be (held), or at least be (occupied). */
  ledger: number;
  /** The value to store, when the ledger proves it and it fits the facility; null: a person must look. */
  repairTo: number | null;
  reason: string;
}

/**
 * Where a facility's counts and the ledger disagree, and what the ledger proves.
 *
 * `held` is the ledger's alone: places are only ever held and given back together with a hold row
 * in the same transaction (capacity-ledger.ts), and staff updates leave it as it is. So `held`
 * must equal the places of the active holds; when it does not, the holds prove the right value,
 * which is repaired unless it would not fit the facility's other counts (then a person must look).
 *
 * `occupied` is the shelter's own count: it includes people who were there before the register knew
 * them, so more occupied than the register placed is normal and proves nothing. Fewer than the
 * register placed there is a contradiction (staff counted someone out whose stay was never ended,
 * or the other way around) that the ledger cannot settle: it is reported, never repaired.
 */
export function capacityDrift(facts: CapacityLedgerFacts): CapacityDriftFinding[] {
  const { counts, heldByHolds, placedByHolds } = facts;
  const findings: CapacityDriftFinding[] = [];
  if (counts.held !== heldByHolds) {
    const fits = capacityViolations({ ...counts, held: heldByHolds }).length === 0;
    findings.push({
      field: 'held',
      stored: counts.held,
      ledger: heldByHolds,
      repairTo: fits ? heldByHolds : null,
      reason: fits
        ? `held is ${counts.held}, its active holds take ${heldByHolds}`
        : `held is ${counts.held}, its active holds take ${heldByHolds}, which does not fit its other counts`,
    });
  }
  if (counts.occupied < placedByHolds) {
    findings.push({
      field: 'occupied',
      stored: counts.occupied,
      ledger: placedByHolds,
      repairTo: null,
      reason: `occupied is ${counts.occupied}, but the register placed ${placedByHolds} there whose stays have not ended`,
    });
  }
  return findings;
}
