import type { CapacityCounts } from '@opvangplek/domain';
import type { EntityManager } from 'typeorm';
import { CapacityChangeKind } from './capacity-history.entity';

/** A facility's first counts, as the register brings them. */
export interface OpeningCounts {
  facilityId: string;
  counts: CapacityCounts;
  /** When staff last vouched for them; `null` = never. */
  confirmedAt: Date | null;
}

/**
 * Opens the capacity rows of facilities that have none, each with a REGISTER history row, in the
 * caller's transaction (the register loader's, through composition's `loadRegister`). Counts that
 * exist are never overwritten: staff may have changed them since, and loading the same register
 * twice changes nothing. An opening never confirmed is dated `now`. Returns how many were opened.
 */
export async function openCapacities(manager: EntityManager, facilities: readonly OpeningCounts[], now: Date): Promise<number> {
  if (facilities.length === 0) return 0;
  const columns = ['facility_id', 'total', 'occupied', 'held', 'out_of_service', 'confirmed_at'];
  const casts = ['uuid', 'int', 'int', 'int', 'int', 'timestamptz'];
  const values = facilities.flatMap(({ facilityId, counts, confirmedAt }) => [
    facilityId,
    counts.total,
    counts.occupied,
    counts.held,
    counts.outOfService,
    confirmedAt,
  ]);
  const rows = facilities
    .map((_, row) => `(${casts.map((cast, column) => `$${row * casts.length + column + 1}::${cast}`).join(', ')})`)
    .join(',\n');
  const opened: unknown[] = await manager.query(
    `WITH incoming (${columns.join(', ')}) AS (
       VALUES ${rows}
     ), created AS (
       INSERT INTO capacity (facility_id, total, occupied, held, out_of_service, version, updated_at, confirmed_at)
       SELECT i.facility_id, i.total, i.occupied, i.held, i.out_of_service, 1, COALESCE(i.confirmed_at, $${values.length + 1}::timestamptz), i.confirmed_at
       FROM incoming i
       ON CONFLICT (facility_id) DO NOTHING
       RETURNING *
     )
     INSERT INTO capacity_history (facility_id, kind, version, total, occupied, held, out_of_service, changed_by, changed_by_role, changed_by_org, changed_at)
     SELECT facility_id, '${CapacityChangeKind.REGISTER}', version, total, occupied, held, out_of_service, 'system:register-loader', 'SYSTEM', 'opvangplek', updated_at
     FROM created
     RETURNING id`,
    [...values, now],
  );
  return opened.length;
}
