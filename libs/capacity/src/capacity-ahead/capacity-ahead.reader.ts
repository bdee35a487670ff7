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
 * reservations not yet turned into holds whose window has not ended. The placement workflow owns
 * these facts and publishes them as views (occupied_stays_v, stay_departures_v, reserved_places_v;
 * migration PlacementReadViews), which PostgreSQL inlines. Two indexed reads, whatever the number of
 * facilities (placement_holds by facility and state, action_reservations by facility).
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
         SELECT stay_id, MIN(COALESCE(expires_at, $2)) AS departure_at FROM stay_departures_v GROUP BY stay_id)
       SELECT s.facility_id, s.places, f.type::text AS type, s.placed_at, s.stay_ends_at, d.departure_at
         FROM occupied_stays_v s
         JOIN facilities f ON f.id = s.facility_id
         LEFT JOIN departures d ON d.stay_id = s.stay_id
        WHERE s.facility_id = ANY($1::uuid[])`,
      [facilityIds, now],
    ),
    dataSource.query(
      `SELECT facility_id, places::int AS places, starts_at, ends_at
         FROM reserved_places_v
        WHERE facility_id = ANY($1::uuid[]) AND ends_at > $2 AND places > 0`,
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
