import { repairHeld } from '@opvangplek/capacity';
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

interface FactsRow {
  facilityId: string;
  total: number;
  occupied: number;
  held: number;
  outOfService: number;
  heldByHolds: number;
  placedByHolds: number;
}

/** Each facility's counts beside the places its HELD and OCCUPIED holds take; `$1` one facility, or all (null). */
const FACTS = `SELECT c.facility_id AS "facilityId", c.total, c.occupied, c.held, c.out_of_service AS "outOfService",
         COALESCE(SUM(h.places) FILTER (WHERE h.state = 'HELD'), 0)::int AS "heldByHolds",
         COALESCE(SUM(h.places) FILTER (WHERE h.state = 'OCCUPIED'), 0)::int AS "placedByHolds"
    FROM capacity c
    LEFT JOIN placement_holds h ON h.facility_id = c.facility_id AND h.state IN ('HELD', 'OCCUPIED')
   WHERE $1::uuid IS NULL OR c.facility_id = $1::uuid
   GROUP BY c.facility_id
   ORDER BY c.facility_id`;

const factsOf = (row: FactsRow): CapacityLedgerFacts => ({
  counts: { total: row.total, occupied: row.occupied, held: row.held, outOfService: row.outOfService },
  heldByHolds: row.heldByHolds,
  placedByHolds: row.placedByHolds,
});

/** Every facility's drift as it stands, without locks or repairs (the metric reads this on scrape). */
export async function readCapacityDrift(manager: EntityManager): Promise<FacilityDrift[]> {
  const rows: FactsRow[] = await manager.query(FACTS, [null]);
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
  const rows: FactsRow[] = await dataSource.query(FACTS, [null]);
  const report: CapacityDriftReport = { checked: rows.length, repaired: [], unrepaired: [], freed: [] };
  for (const suspect of rows.filter((row) => capacityDrift(factsOf(row)).length > 0)) {
    await dataSource.transaction(async (manager) => {
      await manager.query('SELECT 1 FROM capacity WHERE facility_id = $1 FOR UPDATE', [suspect.facilityId]);
      const [row]: FactsRow[] = await manager.query(FACTS, [suspect.facilityId]);
      if (!row) return;
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
