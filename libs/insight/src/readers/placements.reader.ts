import type { PlacementFacts, ShelterType } from '@opvangplek/domain';
import type { FieldCipher } from '@opvangplek/platform';
import type { DataSource } from 'typeorm';
import { factsOf } from './demand.reader';

/**
 * Every placement (arrival) in [from, to): anonymous facts, the kind and region of the place, and
 * whether it was the onward placement of someone already placed in a noodbed or interim place.
 */
export async function readPlacements(
  dataSource: DataSource,
  cipher: FieldCipher,
  filter: { from: Date; to: Date },
): Promise<PlacementFacts[]> {
  const rows: {
    id: string;
    facts: string | null;
    group_size: number;
    type: ShelterType;
    region_code: string;
    moved_on: boolean;
  }[] = await dataSource.query(
    `SELECT r.id, r.facts, r.group_size, f.type::text AS type, f.region_code,
            EXISTS (SELECT 1 FROM placement_requests b WHERE b.id = r.bridge_request_id AND b.placed_at IS NOT NULL) AS moved_on
       FROM placement_requests r JOIN facilities f ON f.id = r.facility_id
      WHERE r.placed_at >= $1 AND r.placed_at < $2`,
    [filter.from, filter.to],
  );
  return rows.flatMap((row) => {
    const facts = factsOf(cipher, row);
    return facts ? [{ facts, type: row.type, regionCode: row.region_code, movedOn: row.moved_on }] : [];
  });
}
