import { type FacilityCapacityCounts, lockCapacityCounts, readCapacityCounts, repairHeld } from '@opvangplek/capacity';
import { type CapacityDriftFinding, capacityDrift, type CapacityLedgerFacts } from '@opvangplek/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from './placement-changes';

export interface FacilityDrift extends CapacityDriftFinding {
  facilityId: string;
}

export interface CapacityDriftReport {
  /** Facilities compared with the ledger. */
  checked: number;
  /** Set to what the ledger proves (with a DRIFT_REPAIR history row and an audit row). */
  repaired: FacilityDrift[];
  /** What the ledger cannot settle: a person must look (the metric opvangplek_capacity_drift counts them). */
  unrepaired: FacilityDrift[];
  /** Kinds and regions where a repair gave places back: those waiting there are re-tried. */
  freed: { type: string; regionCode: string }[];
}

interface FactsRow extends FacilityCapacityCounts {
  heldByHolds: number;
  placedByHolds: number;
}

/** The places each facility's HELD and OCCUPIED holds take; `$1` one facility, or all (null). */
const HOLD_SUMS = `SELECT facility_id AS "facilityId",
         COALESCE(SUM(places) FILTER (WHERE state = 'HELD'), 0)::int AS "heldByHolds",
         COALESCE(SUM(places) FILTER (WHERE state = 'OCCUPIED'), 0)::int AS "placedByHolds"
    FROM placement_holds
   WHERE state IN ('HELD', 'OCCUPIED') AND ($1::uuid IS NULL OR facility_id = $1::uuid)
   GROUP BY facility_id`;

/** Each facility's counts (capacity's, as given) beside the places its holds take (placement's own). */
async function withHoldSums(
  manager: EntityManager,
  counts: FacilityCapacityCounts[],
  facilityId: string | null,
): Promise<FactsRow[]> {
  const sums: { facilityId: string; heldByHolds: number; placedByHolds: number }[] = await manager.query(HOLD_SUMS, [facilityId]);
  const byFacility = new Map(sums.map((sum) => [sum.facilityId, sum]));
  return counts.map((row) => ({
    ...row,
    heldByHolds: byFacility.get(row.facilityId)?.heldByHolds ?? 0,
    placedByHolds: byFacility.get(row.facilityId)?.placedByHolds ?? 0,
  }));
}

/**
 * Every facility's facts without locks. The counts and the holds are two statements: they read one
 * snapshot (REPEATABLE READ), so a hold made between them is never mistaken for drift.
 */
const readAllFacts = (manager: EntityManager): Promise<FactsRow[]> =>
  manager.transaction('REPEATABLE READ', async (snapshot) => withHoldSums(snapshot, await readCapacityCounts(snapshot), null));

const factsOf = (row: FactsRow): CapacityLedgerFacts => ({
  counts: { total: row.total, occupied: row.occupied, held: row.held, outOfService: row.outOfService },
  heldByHolds: row.heldByHolds,
  placedByHolds: row.placedByHolds,
});

/** Every facility's drift as it stands, without locks or repairs (the metric reads this on scrape). */
export async function readCapacityDrift(manager: EntityManager): Promise<FacilityDrift[]> {
  const rows = await readAllFacts(manager);
  return rows.flatMap((row) => capacityDrift(factsOf(row)).map((finding) => ({ facilityId: row.facilityId, ...finding })));
}

/**
 * Compares every facility's `held` with its active holds and `occupied` with the stays the
 * register placed there (the rules: domain capacityDrift), repairs what the ledger proves and
 * returns the rest. The scan takes no locks; each facility that looks off is then checked again
 * under its capacity row's lock, which every change of `held` takes with its hold rows, so a hold
 * being made or given back at that moment is never mistaken for drift.
 */
export async function checkCapacityDrift(dataSource: DataSource, now: Date): Promise<CapacityDriftReport> {
  const rows = await readAllFacts(dataSource.manager);
  const report: CapacityDriftReport = { checked: rows.length, repaired: [], unrepaired: [], freed: [] };
  for (const suspect of rows.filter((row) => capacityDrift(factsOf(row)).length > 0)) {
    await dataSource.transaction(async (manager) => {
      const counts = await lockCapacityCounts(manager, suspect.facilityId);
      if (!counts) return;
      const [row] = await withHoldSums(manager, [counts], suspect.facilityId);
      for (const finding of capacityDrift(factsOf(row))) {
        const drift = { facilityId: row.facilityId, ...finding };
        if (finding.repairTo === null) {
          report.unrepaired.push(drift);
          continue;
        }
        const moved = await repairHeld(manager, row.facilityId, finding.repairTo, now, SYSTEM_ACTOR);
        report.repaired.push(drift);
        if (moved && finding.repairTo < finding.stored) report.freed.push({ type: moved.type, regionCode: moved.regionCode });
      }
    });
  }
  return report;
}
