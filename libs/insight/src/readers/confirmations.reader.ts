import type { ConfirmedFacility, UpdateCadence } from '@opvangplek/domain';
import type { DataSource } from 'typeorm';

/**
 * What the stale-share replay needs (issue 18), from the register and the append-only capacity
 * history: every facility of the asked regions (secret-address ones too, as capacityOverview's
 * staleShare counts them: a confirmation time says nothing of a count or a request), when it
 * entered the register (its first history row), and the instants its figures were vouched for —
 * the last one before `from` and all in [from, to), plus its current `confirmed_at`. Those are
 * UPDATE and CONFIRM rows (staff), and the REGISTER row: the loader writes it once, at the
 * confirmation the register carried. A register may carry none (the demo's never-confirmed
 * facilities); its REGISTER row then stands at the load instead, which cannot be told apart, so a
 * facility never confirmed since (`confirmed_at` null) has no confirmations at all, and one confirmed
 * later counts as confirmed from its load — the one case where the replay is kinder than the truth.
 */
export async function readConfirmations(
  dataSource: DataSource,
  filter: { regionCodes: string[] | null; from: Date; to: Date },
): Promise<ConfirmedFacility[]> {
  const facilities: {
    id: string;
    region_code: string;
    update_cadence: UpdateCadence;
    registered_at: Date | null;
    confirmed_at: Date | null;
  }[] = await dataSource.query(
    // Its first history row (the register loader's, on the application's clock, as every other
    // instant here) says when it entered the register; created_at is the database's wall clock.
    `SELECT f.id, f.region_code, f.update_cadence::text AS update_cadence, c.confirmed_at,
            (SELECT min(h.changed_at) FROM capacity_history h WHERE h.facility_id = f.id) AS registered_at
       FROM facilities f LEFT JOIN capacity c ON c.facility_id = f.id
      WHERE $1::text[] IS NULL OR f.region_code = ANY($1)`,
    [filter.regionCodes],
  );
  const ids = facilities.map((facility) => facility.id);
  const rows: { facility_id: string; changed_at: Date }[] = await dataSource.query(
    `(SELECT DISTINCT ON (facility_id) facility_id, changed_at FROM capacity_history
       WHERE facility_id = ANY($1::uuid[]) AND kind IN ('UPDATE', 'CONFIRM', 'REGISTER') AND changed_at < $2
       ORDER BY facility_id, changed_at DESC)
     UNION ALL
     (SELECT facility_id, changed_at FROM capacity_history
       WHERE facility_id = ANY($1::uuid[]) AND kind IN ('UPDATE', 'CONFIRM', 'REGISTER') AND changed_at >= $2 AND changed_at <= $3)`,
    [ids, filter.from, filter.to],
  );
  const confirmations = new Map<string, Date[]>(ids.map((id) => [id, []]));
  for (const row of rows) confirmations.get(row.facility_id)!.push(row.changed_at);
  return facilities.map((facility) => ({
    facilityId: facility.id,
    regionCode: facility.region_code,
    updateCadence: facility.update_cadence,
    // Without any history row (none was ever written for it): counted throughout.
    registeredAt: earliest(facility.registered_at, facility.confirmed_at) ?? new Date(0),
    confirmations: facility.confirmed_at ? [...confirmations.get(facility.id)!, facility.confirmed_at] : [],
  }));
}

function earliest(a: Date | null, b: Date | null): Date | null {
  if (a === null || b === null) return a ?? b;
  return a < b ? a : b;
}
