import { type AnonymousFacts, type DemandRecord, needsOf, ShelterType, type WaitingReason } from '@opvangplek/domain';
import { openFacts } from '@opvangplek/placement';
import type { FieldCipher } from '@opvangplek/platform';
import type { DataSource } from 'typeorm';

type DemandRow = {
  id: string;
  region_code: string;
  types: ShelterType[];
  created_at: Date;
  escalated: boolean;
  overstay: boolean;
  placed_at: Date | null;
  /** Sealed (request-sealing.ts): opened only as the anonymous facts. */
  facts: string | null;
  group_size: number;
  facility_region: string | null;
  facility_type: ShelterType | null;
  first_offered_at: Date | null;
  waited_for: WaitingReason[] | null;
  waited: boolean;
  current_reason: WaitingReason | null;
};

/**
 * The facts a planner may see of a request: the anonymous facts written with it (its profile is
 * never read here), one small value to open per request. Facts erased before `withChildren`
 * existed count as without children.
 */
export function factsOf(cipher: FieldCipher, row: Pick<DemandRow, 'id' | 'facts' | 'group_size'>): AnonymousFacts | null {
  const facts = openFacts(cipher, row.id, row.facts);
  // The request's group size is the one placed; the profile's own may be absent.
  return facts ? { ...facts, withChildren: facts.withChildren ?? false, groupSize: row.group_size } : null;
}

/** Requests made in [from, to) for the given regions, as the unmet-demand summary sees them. */
export async function readDemand(
  dataSource: DataSource,
  cipher: FieldCipher,
  filter: { from: Date; to: Date; regionCodes: string[] | null },
): Promise<DemandRecord[]> {
  const rows: DemandRow[] = await dataSource.query(
    `SELECT r.id, r.region_code, r.types::text[] AS types, r.created_at, r.escalated, r.overstay, r.placed_at, r.facts, r.group_size,
            f.region_code AS facility_region, f.type::text AS facility_type,
            r.waiting_reason::text AS current_reason, h.first_offered_at, h.waited_for, h.waited
       FROM placement_requests r LEFT JOIN facilities f ON f.id = r.facility_id
       -- One pass over each request's history for all three facts.
       CROSS JOIN LATERAL (
         SELECT min(e.at) FILTER (WHERE e.status = 'OFFERED') AS first_offered_at,
                array_agg(DISTINCT e.waiting_reason::text) FILTER (WHERE e.status = 'WAITING' AND e.waiting_reason IS NOT NULL) AS waited_for,
                coalesce(bool_or(e.status = 'WAITING'), false) AS waited
           FROM placement_events e WHERE e.request_id = r.id
       ) h
      WHERE r.created_at >= $1 AND r.created_at < $2 AND ($3::text[] IS NULL OR r.region_code = ANY($3))`,
    [filter.from, filter.to, filter.regionCodes],
  );
  return rows.map((row) => {
    const facts = factsOf(cipher, row);
    // Waits recorded before reasons were kept on the history fall back to the request's last reason.
    const waitedFor = row.waited_for ?? (row.waited && row.current_reason ? [row.current_reason] : []);
    const type = row.types[0] ?? row.facility_type ?? null;
    return {
      regionCode: row.region_code,
      type,
      createdAt: row.created_at,
      waitedFor,
      escalated: row.escalated,
      firstOfferedAt: row.first_offered_at,
      placedAt: row.placed_at,
      placedRegionCode: row.placed_at ? row.facility_region : null,
      noodbedOverstay: row.overstay && row.facility_type === ShelterType.NOODBED,
      needs: facts ? needsOf(facts) : [],
    };
  });
}
