import type { RegisteredPerson } from '@opvangplek/domain';
import type { DataSource } from 'typeorm';

/**
 * Everyone registered with CoMensha in [from, to), and whether the request she was registered with
 * reached a place. Only the codes the yearly tables count are read.
 */
export async function readRegistrations(dataSource: DataSource, filter: { from: Date; to: Date }): Promise<RegisteredPerson[]> {
  const rows: {
    region_code: string;
    gender: string;
    age_band: string;
    exploitation_types: string[];
    nationality_group: string;
    signalled_by: string;
    placed: boolean;
  }[] = await dataSource.query(
    `SELECT r.region_code, r.gender, r.age_band, r.exploitation_types, r.nationality_group, r.signalled_by,
            (p.placed_at IS NOT NULL) AS placed
       FROM victim_registrations r
       LEFT JOIN placement_requests p ON p.id = r.placement_request_id
      WHERE r.registered_at >= $1 AND r.registered_at < $2`,
    [filter.from, filter.to],
  );
  return rows.map((row) => ({
    placed: row.placed,
    facts: {
      regionCode: row.region_code,
      gender: row.gender,
      ageBand: row.age_band,
      exploitationTypes: row.exploitation_types,
      nationalityGroup: row.nationality_group,
      signalledBy: row.signalled_by,
    } as RegisteredPerson['facts'],
  }));
}
