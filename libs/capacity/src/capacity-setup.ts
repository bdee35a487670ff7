import type { EntityManager } from 'typeorm';

/**
 * Setting the register's places to a state before any process starts: how scarce or plentiful the
 * register is decides what a bench figure measures. Capacity's public set-up entry, so that the
 * `capacity` table keeps one writer (test/platform/table-owners.ts). Plain statements, no history
 * or audit rows: a set-up is not an event in the register (never call these on a live register:
 * nothing would be audited, and holds would no longer match `held`).
 */

/** A DataSource or an EntityManager (a figure's set-up transaction). */
type Sql = Pick<EntityManager, 'query'>;

/** Every place taken, none held: no seeded `held` survives, so every held place belongs to a hold of the run. */
export async function takeEveryPlace(db: Sql): Promise<void> {
  await db.query('UPDATE capacity SET held = 0, occupied = total - out_of_service');
}

/** Exactly `free` places free at each of `facilityIds` (their other places taken). */
export async function leaveFreeAt(db: Sql, facilityIds: string[], free: number): Promise<void> {
  await db.query('UPDATE capacity SET occupied = total - out_of_service - $2 WHERE facility_id = ANY($1)', [facilityIds, free]);
}

/** Frees `places` taken places at one facility. */
export async function freePlacesAt(db: Sql, facilityId: string, places: number): Promise<void> {
  await db.query('UPDATE capacity SET occupied = occupied - $2 WHERE facility_id = $1', [facilityId, places]);
}

/** Scarce: at most one free place at every facility (none taken where there was none free). */
export async function leaveAtMostOneFreeEverywhere(db: Sql): Promise<void> {
  await db.query('UPDATE capacity SET occupied = GREATEST(occupied, total - out_of_service - held - 1)');
}

/** `places` more places at every facility, all free. */
export async function addPlacesEverywhere(db: Sql, places: number): Promise<void> {
  await db.query('UPDATE capacity SET total = total + $1', [places]);
}
