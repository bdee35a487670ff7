/**
 * Capacity ahead: the places a facility is expected to have free 24 and 72 hours from now (issue 18),
 * the horizons EDXL-HAVE and Germany's DIVI register report besides "now". Pure: the caller reads
 * the facility's counts, stays, planned departures and reservations; this adds them up.
 *
 * What it assumes, each a choice where the documents are silent:
 * - Places held now (`capacity.held`: open offers and accepted arrivals not yet there) stay taken:
 *   an accepted arrival will occupy the place, and an open offer is either accepted or passed on to
 *   the next request that waits. An accepted arrival therefore lowers every horizon at once.
 * - A stay frees its places at its expected end (`expectedStayEnd`): the end the workflow planned
 *   when she arrived (the kind's maximum, the bedenktijd), else the kind's usual length
 *   (`USUAL_STAY_DAYS`), else never within the horizon (vrouwenopvang, maatschappelijke opvang, OMM
 *   and youth care have no usual length in the documents).
 * - A stay already past its end (an overstay) is not expected to end within the horizon: she is still
 *   there because nothing onward was found, and nothing says when it will be.
 * - A planned departure (she accepted an onward or transfer place and is expected there by `at`)
 *   frees her places at `at`, or at her stay's end when that is earlier.
 * - A planned action's reservation takes its places for its window (as the capacity ledger counts
 *   it): at a horizon inside the window the places are not free; before the window, or after it
 *   (the people placed are then holds or stays, counted as such), they are.
 * - Out-of-service places stay out of service; no horizon shows more than total − outOfService.
 */
import { availablePlaces, type CapacityCounts } from './capacity';
import { ShelterType } from './enums';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The horizons reported, in hours from now. */
export const CAPACITY_AHEAD_HOURS = [24, 72] as const;

/**
 * How long a stay of each kind usually lasts, in days, where the workflow planned no end: the length
 * that makes a place come free again. Null: the documents give none, and the place is not expected
 * to free within a horizon. A deployment may pass its own table.
 */
export const USUAL_STAY_DAYS: Readonly<Record<ShelterType, number | null>> = {
  // "een korte periode … tot structurele opvang beschikbaar is" (002:761-767): 3 nights, the
  // register's noodbed default (domain.md §2).
  [ShelterType.NOODBED]: 3,
  // 14 days on the ernstige-benadeling places (000:2172-2174); the documents give none for the crisis
  // places, so the same 14 days is the expectation there (not a limit).
  [ShelterType.NLA_CRISIS]: 14,
  // The bedenktijd is at most 3 months (003:661): 92 days is the longest 3-month span.
  [ShelterType.COSM]: 92,
  [ShelterType.VROUWENOPVANG]: null,
  [ShelterType.MAATSCHAPPELIJKE_OPVANG]: null,
  [ShelterType.OMM]: null,
  [ShelterType.JEUGDZORG]: null,
};

/** A stay's expected end: the end planned at arrival, else its kind's usual length, else none. */
export function expectedStayEnd(
  stay: { type: ShelterType; placedAt: Date; plannedEnd: Date | null },
  usualStayDays: Readonly<Record<ShelterType, number | null>> = USUAL_STAY_DAYS,
): Date | null {
  if (stay.plannedEnd) return stay.plannedEnd;
  const days = usualStayDays[stay.type];
  return days === null ? null : new Date(stay.placedAt.getTime() + days * DAY_MS);
}

/** Places occupied by one stay (a group's share counts its people) and when they are expected to free. */
export interface StayAhead {
  places: number;
  /** `expectedStayEnd`; null: not expected to end. */
  expectedEnd: Date | null;
  /** She accepted a place elsewhere and is expected there by then (an onward request, a transfer). */
  plannedDepartureAt?: Date | null;
}

/** Places a planned action reserved here for its window (not yet turned into holds). */
export interface ReservationAhead {
  places: number;
  startsAt: Date;
  endsAt: Date;
}

export interface CapacityAheadInput {
  now: Date;
  /** The facility's live counts: `held` includes open offers and accepted arrivals. */
  counts: CapacityCounts;
  stays: readonly StayAhead[];
  reservations: readonly ReservationAhead[];
}

export interface CapacityAhead {
  /** Places expected free 24 hours from now. */
  expectedFree24h: number;
  /** Places expected free 72 hours from now. */
  expectedFree72h: number;
}

/** The moment a stay frees its places, if it does after `now`; null when not expected. */
function freesAt(stay: StayAhead, now: Date): Date | null {
  const candidates: Date[] = [];
  if (stay.plannedDepartureAt) candidates.push(stay.plannedDepartureAt < now ? now : stay.plannedDepartureAt);
  // An end already past is an overstay: no one knows when she goes (see the module comment).
  if (stay.expectedEnd && stay.expectedEnd >= now) candidates.push(stay.expectedEnd);
  if (candidates.length === 0) return null;
  return candidates.reduce((earliest, at) => (at < earliest ? at : earliest));
}

/** The places expected free at `at` (≥ now), as the module comment assumes. */
export function expectedFreeAt(input: CapacityAheadInput, at: Date): number {
  const { counts, now } = input;
  let free = availablePlaces(counts);
  for (const stay of input.stays) {
    const frees = freesAt(stay, now);
    if (frees && frees <= at) free += stay.places;
  }
  for (const reservation of input.reservations) {
    if (reservation.startsAt <= at && reservation.endsAt > at) free -= reservation.places;
  }
  const usable = Math.max(0, counts.total - counts.outOfService);
  return Math.min(usable, Math.max(0, free));
}

/** The places expected free at now + 24 h and now + 72 h. */
export function capacityAhead(input: CapacityAheadInput): CapacityAhead {
  const at = (hours: number) => new Date(input.now.getTime() + hours * HOUR_MS);
  return {
    expectedFree24h: expectedFreeAt(input, at(24)),
    expectedFree72h: expectedFreeAt(input, at(72)),
  };
}

/** Where a waiting request may expect a suitable place: counts of facilities, never which ones. */
export interface PlaceExpectation {
  /** Suitable facilities expected to have room for the whole request within 24 h. */
  within24h: number;
  within72h: number;
  /** Of these, the ones in the request's region. */
  inRegionWithin24h: number;
  inRegionWithin72h: number;
}

/**
 * How many of the suitable facilities (the matcher's: full now, nothing else against them) are
 * expected to have room for all `places` of the request 24 h and 72 h from now. A count only: the
 * requester learns that a place is coming, not where, so a secret-address facility is one of a number.
 */
export function placeExpectation(
  suitable: readonly { regionCode: string; ahead: CapacityAhead }[],
  request: { places: number; regionCode: string },
): PlaceExpectation {
  const fits = (free: number) => free >= request.places;
  const count = (pick: (candidate: (typeof suitable)[number]) => boolean) => suitable.filter(pick).length;
  const inRegion = (candidate: (typeof suitable)[number]) => candidate.regionCode === request.regionCode;
  return {
    within24h: count((c) => fits(c.ahead.expectedFree24h)),
    within72h: count((c) => fits(c.ahead.expectedFree72h)),
    inRegionWithin24h: count((c) => inRegion(c) && fits(c.ahead.expectedFree24h)),
    inRegionWithin72h: count((c) => inRegion(c) && fits(c.ahead.expectedFree72h)),
  };
}
