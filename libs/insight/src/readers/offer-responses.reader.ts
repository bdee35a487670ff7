import type { DeclineReason, OfferAnswer, OfferRecord, ShelterType } from '@opvangplek/domain';
import type { DataSource } from 'typeorm';

export type NamedOfferRecord = OfferRecord & { facilityName: string };

/**
 * Every offer made in [from, to) to the facilities asked for, one per offered hold, with how it was
 * answered (issue 18). An offer still open (held, unanswered) is not counted yet. Reads only codes
 * and instants: no request, profile or note.
 */
export async function readOfferResponses(
  dataSource: DataSource,
  filter: {
    from: Date;
    to: Date;
    regionCodes: string[] | null;
    types: ShelterType[] | null;
    facilityIds?: string[] | null;
    /** Only secret-address facilities (true), only public ones (false), or both (undefined). */
    secretAddress?: boolean;
  },
): Promise<NamedOfferRecord[]> {
  const rows: {
    facility_id: string;
    facility_name: string;
    type: ShelterType;
    region_code: string;
    secret_address: boolean;
    created_at: Date;
    answer: OfferAnswer | null;
    answered_at: Date | null;
    decline_reason: DeclineReason | null;
  }[] = await dataSource.query(
    `SELECT h.facility_id, f.name AS facility_name, f.type::text AS type, f.region_code, f.secret_address,
            h.created_at, h.answer::text AS answer, h.answered_at, h.decline_reason::text AS decline_reason
       FROM placement_holds h JOIN facilities f ON f.id = h.facility_id
      WHERE h.created_at >= $1 AND h.created_at < $2
        AND NOT (h.state = 'HELD' AND h.answer IS NULL)
        AND ($3::text[] IS NULL OR f.region_code = ANY($3))
        AND ($4::text[] IS NULL OR f.type::text = ANY($4))
        AND ($5::uuid[] IS NULL OR h.facility_id = ANY($5))
        AND ($6::boolean IS NULL OR f.secret_address = $6)`,
    [filter.from, filter.to, filter.regionCodes, filter.types, filter.facilityIds ?? null, filter.secretAddress ?? null],
  );
  return rows.map((row) => ({
    facilityId: row.facility_id,
    facilityName: row.facility_name,
    type: row.type,
    regionCode: row.region_code,
    secretAddress: row.secret_address,
    offeredAt: row.created_at,
    answer: row.answer,
    answeredAt: row.answered_at,
    declineReason: row.decline_reason,
  }));
}
