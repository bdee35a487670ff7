import type { CapacityCounts, HistoryFacility, RecordedCounts } from '@opvangplek/domain';
import type { LoadedFacility } from '@opvangplek/registry';
import type { DataSource } from 'typeorm';

type CountsRow = { facility_id: string; total: number; occupied: number; held: number; out_of_service: number };
const counts = (row: CountsRow): CapacityCounts => ({
  total: row.total,
  occupied: row.occupied,
  held: row.held,
  outOfService: row.out_of_service,
});

export interface RecordedHistory {
  /** Each facility's last recorded counts before `from`. */
  initial: Map<string, CapacityCounts>;
  /** Every recorded change in [from, to), in the order it happened. */
  changes: RecordedCounts[];
}

/**
 * The public-address facilities among those the registry loaded for the asked regions and kinds,
 * as the replay groups them. Secret-address facilities stay out (issue 12), as they do from
 * capacityOverview's exact sums: in most regions one secret facility is the only one of its kind,
 * and its replayed hour-by-hour counts would tie a request to it the moment it was offered.
 */
export function historyFacilities(
  facilities: readonly Pick<LoadedFacility, 'id' | 'regionCode' | 'type' | 'secretAddress'>[],
): HistoryFacility[] {
  return facilities.filter((f) => !f.secretAddress).map((f) => ({ facilityId: f.id, regionCode: f.regionCode, type: f.type }));
}

/**
 * Reads what the replay needs from the append-only capacity history (every capacity row change is
 * recorded there with its full counts, by the capacity service and the placement ledger alike).
 */
export async function readRecordedHistory(
  dataSource: DataSource,
  filter: { facilityIds: string[]; from: Date; to: Date },
): Promise<RecordedHistory> {
  const ids = filter.facilityIds;
  const [initial, changes]: [CountsRow[], (CountsRow & { changed_at: Date })[]] = await Promise.all([
    dataSource.query(
      `SELECT DISTINCT ON (facility_id) facility_id, total, occupied, held, out_of_service
         FROM capacity_history WHERE facility_id = ANY($1::uuid[]) AND changed_at < $2
        ORDER BY facility_id, changed_at DESC, id DESC`,
      [ids, filter.from],
    ),
    dataSource.query(
      `SELECT facility_id, total, occupied, held, out_of_service, changed_at
         FROM capacity_history WHERE facility_id = ANY($1::uuid[]) AND changed_at >= $2 AND changed_at < $3
        ORDER BY changed_at, id`,
      [ids, filter.from, filter.to],
    ),
  ]);
  return {
    initial: new Map(initial.map((row) => [row.facility_id, counts(row)])),
    changes: changes.map((row) => ({ facilityId: row.facility_id, at: row.changed_at, ...counts(row) })),
  };
}
