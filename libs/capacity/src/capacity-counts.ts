import type { EntityManager } from 'typeorm';

/**
 * Reads of the stored counts for the features that check or plan against them (placement's drift
 * check and planned actions): capacity alone writes the `capacity` table, and these are the way
 * others read it with the same precision as their own statements (a row lock, the caller's
 * transaction). A read for people goes through RegisterReader instead.
 */

/** One facility's stored counts. */
export interface FacilityCapacityCounts {
  facilityId: string;
  total: number;
  occupied: number;
  held: number;
  outOfService: number;
}

const COUNT_COLUMNS = `facility_id AS "facilityId", total, occupied, held, out_of_service AS "outOfService"`;

/** Every facility's counts in facility-id order; `facilityId` narrows it to one. No lock. */
export function readCapacityCounts(manager: EntityManager, facilityId: string | null = null): Promise<FacilityCapacityCounts[]> {
  return manager.query(
    `SELECT ${COUNT_COLUMNS} FROM capacity WHERE $1::uuid IS NULL OR facility_id = $1::uuid ORDER BY facility_id`,
    [facilityId],
  );
}

/**
 * One facility's counts, its row locked until the caller's transaction ends: every change of `held`
 * takes this lock, so what the caller compares the counts with cannot move meanwhile. `null` when
 * the facility has no capacity row.
 */
export async function lockCapacityCounts(manager: EntityManager, facilityId: string): Promise<FacilityCapacityCounts | null> {
  const [row]: FacilityCapacityCounts[] = await manager.query(
    `SELECT ${COUNT_COLUMNS} FROM capacity WHERE facility_id = $1 FOR UPDATE`,
    [facilityId],
  );
  return row ?? null;
}

/**
 * The places free in the register now at each facility, planned-action reservations NOT
 * subtracted (what a plan reserves from; a hold sees fewer, see freePlacesIn). A facility without a
 * capacity row is absent from the map.
 */
export async function freePlacesIgnoringReservations(
  manager: EntityManager,
  facilityIds: readonly string[],
): Promise<Map<string, number>> {
  if (facilityIds.length === 0) return new Map();
  const rows: { facilityId: string; free: number }[] = await manager.query(
    `SELECT facility_id AS "facilityId", GREATEST(total - occupied - held - out_of_service, 0)::int AS free
       FROM capacity WHERE facility_id = ANY($1::uuid[])`,
    [facilityIds],
  );
  return new Map(rows.map((row) => [row.facilityId, row.free]));
}
