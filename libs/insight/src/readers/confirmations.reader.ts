import type { ConfirmedFacility } from '@opvangplek/domain';
import type { LoadedFacility } from '@opvangplek/registry';
import type { DataSource } from 'typeorm';

/**
 * What the stale-share replay needs (issue 18), from the register (loaded by the registry, with
 * each facility's current `confirmed_at`) and the append-only capacity history: every facility of
 * the asked regions (secret-address ones too, as capacityOverview's staleShare counts them: a
 * confirmation time says nothing of a count or a request), when it entered the register (its first
 * history row), and the instants its figures were vouched for — the last one before `from` and all
 * in [from, to), plus its current `confirmed_at`. Those are
 * UPDATE and CONFIRM rows (staff), and the REGISTER row: the loader writes it once, at the
 * confirmation the register carried. A register may carry none (the demo's never-confirmed
 * facilities); its REGISTER row then stands at the load instead, which cannot be told apart, so a
 * facility never confirmed since (`confirmed_at` null) has no confirmations at all, and one confirmed
 * later counts as confirmed from its load — the one case where the replay is kinder than the truth.
 */
export async function readConfirmations(
  dataSource: DataSource,
  facilities: readonly Pick<LoadedFacility, 'id' | 'regionCode' | 'updateCadence' | 'capacity'>[],
  period: { from: Date; to: Date },
): Promise<ConfirmedFacility[]> {
  const ids = facilities.map((facility) => facility.id);
  const [firstRows, rows]: [{ facility_id: string; registered_at: Date }[], { facility_id: string; changed_at: Date }[]] =
    await Promise.all([
      // Its first history row (the register loader's, on the application's clock, as every other
      // instant here) says when it entered the register; created_at is the database's wall clock.
      dataSource.query(
        `SELECT facility_id, min(changed_at) AS registered_at FROM capacity_history
          WHERE facility_id = ANY($1::uuid[]) GROUP BY facility_id`,
        [ids],
      ),
      dataSource.query(
        `(SELECT DISTINCT ON (facility_id) facility_id, changed_at FROM capacity_history
           WHERE facility_id = ANY($1::uuid[]) AND kind IN ('UPDATE', 'CONFIRM', 'REGISTER') AND changed_at < $2
           ORDER BY facility_id, changed_at DESC)
         UNION ALL
         (SELECT facility_id, changed_at FROM capacity_history
           WHERE facility_id = ANY($1::uuid[]) AND kind IN ('UPDATE', 'CONFIRM', 'REGISTER') AND changed_at >= $2 AND changed_at <= $3)`,
        [ids, period.from, period.to],
      ),
    ]);
  const registeredAt = new Map(firstRows.map((row) => [row.facility_id, row.registered_at]));
  const confirmations = new Map<string, Date[]>(ids.map((id) => [id, []]));
  for (const row of rows) confirmations.get(row.facility_id)!.push(row.changed_at);
  return facilities.map((facility) => {
    const confirmedAt = facility.capacity.confirmedAt;
    return {
      facilityId: facility.id,
      regionCode: facility.regionCode,
      updateCadence: facility.updateCadence,
      // Without any history row (none was ever written for it): counted throughout.
      registeredAt: earliest(registeredAt.get(facility.id) ?? null, confirmedAt) ?? new Date(0),
      confirmations: confirmedAt ? [...confirmations.get(facility.id)!, confirmedAt] : [],
    };
  });
}

function earliest(a: Date | null, b: Date | null): Date | null {
  if (a === null || b === null) return a ?? b;
  return a < b ? a : b;
}
