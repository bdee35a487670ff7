import { expectedStayEnd, type ReservationAhead, type ShelterType, type StayAhead } from '@opvangplek/domain';
import type { DataSource } from 'typeorm';

/** What capacity ahead needs of one facility besides its live counts. */
export interface FacilityAheadRows {
  stays: StayAhead[];
  reservations: ReservationAhead[];
}

/**
 * The stays at these facilities (places occupied, with their planned end, and the arrival deadline of
 * an onward or transfer place she has accepted: her planned departure), and the planned actions'
 * reservations not yet turned into holds whose window has not ended. Read-only, like the other
 * insight readers: the placement workflow writes these tables. Two indexed reads, whatever the number
 * of facilities (placement_holds by facility and state, action_reservations by facility).
 */
export async function readFacilitiesAhead(
  dataSource: DataSource,
  facilityIds: readonly string[],
  now: Date,
  usualStayDays: Readonly<Record<ShelterType, number | null>>,
): Promise<Map<string, FacilityAheadRows>> {
  const byFacility = new Map<string, FacilityAheadRows>(facilityIds.map((id) => [id, { stays: [], reservations: [] }]));
  if (facilityIds.length === 0) return byFacility;
  const [stays, reservations]: [
    {
      facility_id: string;
      places: number;
      type: ShelterType;
      placed_at: Date | null;
      stay_ends_at: Date | null;
      departure_at: Date | null;
    }[],
    { facility_id: string; places: number; starts_at: Date; ends_at: Date }[],
  ] = await Promise.all([
    dataSource.query(
      // Departures are read once for all stays: ACCEPTED onward or transfer requests are few at any
      // moment, while a subquery per stay would probe once per occupied place.
      `WITH departures AS (
         SELECT o.bridge_request_id AS stay_id, MIN(COALESCE(oh.expires_at, $2)) AS departure_at
           FROM placement_requests o
           JOIN placement_holds oh ON oh.request_id = o.id AND oh.state = 'HELD' AND oh.accepted_at IS NOT NULL
          WHERE o.status = 'ACCEPTED' AND o.bridge_request_id IS NOT NULL
          GROUP BY o.bridge_request_id)
       SELECT h.facility_id, h.places, f.type::text AS type, r.placed_at, r.stay_ends_at, d.departure_at
         FROM placement_holds h
         JOIN placement_requests r ON r.id = h.request_id
         JOIN facilities f ON f.id = h.facility_id
         LEFT JOIN departures d ON d.stay_id = r.id
        WHERE h.facility_id = ANY($1::uuid[]) AND h.state = 'OCCUPIED'`,
      [facilityIds, now],
    ),
    dataSource.query(
      `SELECT facility_id, (places - converted - not_held)::int AS places, starts_at, ends_at
         FROM action_reservations
        WHERE facility_id = ANY($1::uuid[]) AND state = 'RESERVED' AND ends_at > $2 AND places - converted - not_held > 0`,
      [facilityIds, now],
    ),
  ]);
  for (const stay of stays) {
    byFacility.get(stay.facility_id)?.stays.push({
      places: stay.places,
      expectedEnd: expectedStayEnd(
        { type: stay.type, placedAt: stay.placed_at ?? now, plannedEnd: stay.stay_ends_at },
        usualStayDays,
      ),
      plannedDepartureAt: stay.departure_at,
    });
  }
  for (const reservation of reservations) {
    byFacility.get(reservation.facility_id)?.reservations.push({
      places: reservation.places,
      startsAt: reservation.starts_at,
      endsAt: reservation.ends_at,
    });
  }
  return byFacility;
}
