import { useMemo, useState } from 'react';
import { type CombinedError, useQuery, useSubscription } from 'urql';
import { CapacityChangedDocument, type FacilityFilter, FacilitiesDocument } from '../api/generated';
import type { Facility, ShelterType } from '../api/types';

export interface BedBoardFilter {
  types: ShelterType[];
  /** The regions shown; none: all of them. */
  regionCodes: string[];
  availableOnly: boolean;
}

/** Whether a facility belongs on the board under this filter (also for the kept board, offline). */
export function matchesFilter(facility: Facility, filter: BedBoardFilter): boolean {
  return (
    (filter.regionCodes.length === 0 || filter.regionCodes.includes(facility.region.code)) &&
    (filter.types.length === 0 || filter.types.includes(facility.type)) &&
    (!filter.availableOnly || facility.availability.band === 'AVAILABLE')
  );
}

/**
 * Facilities of the filter, kept live: read once, then every `capacityChanged` of the same regions
 * and kinds replaces that facility's figures in place (no refetch, no reload). "Only with a free
 * place" is applied here rather than in the query, so a facility that frees a place appears and one
 * that fills up goes, as the changes arrive.
 */
export function useLiveFacilities(filter: BedBoardFilter): {
  facilities: Facility[];
  fetching: boolean;
  error: CombinedError | undefined;
  recentlyChanged: ReadonlySet<string>;
} {
  const variables = useMemo(
    (): FacilityFilter => ({
      regionCodes: filter.regionCodes.length > 0 ? filter.regionCodes : null,
      types: filter.types.length > 0 ? filter.types : null,
    }),
    [filter.regionCodes, filter.types],
  );
  const [{ data, fetching, error }] = useQuery({
    query: FacilitiesDocument,
    variables: { filter: variables },
    requestPolicy: 'cache-and-network',
  });
  const [updates, setUpdates] = useState<ReadonlyMap<string, Facility>>(new Map());
  const [recentlyChanged, setRecentlyChanged] = useState<ReadonlySet<string>>(new Set());

  const [{ error: subscriptionError }] = useSubscription({ query: CapacityChangedDocument, variables }, (_previous, event) => {
    const facility = event.capacityChanged;
    setUpdates((current) => new Map(current).set(facility.id, facility));
    setRecentlyChanged((current) => new Set(current).add(facility.id));
    setTimeout(
      () =>
        setRecentlyChanged((current) => {
          const next = new Set(current);
          next.delete(facility.id);
          return next;
        }),
      4_000,
    );
    return event;
  });

  const facilities = useMemo(() => {
    const byId = new Map<string, Facility>((data?.facilities ?? []).map((facility) => [facility.id, facility]));
    for (const [id, facility] of updates) {
      // Updates seen under an earlier filter may not belong to this one; and a re-read may be newer.
      const known = byId.get(id);
      const newer = !known?.capacity || !facility.capacity || known.capacity.version <= facility.capacity.version;
      if (matchesFilter(facility, { ...filter, availableOnly: false }) && newer) byId.set(id, withAheadOf(known, facility));
    }
    return [...byId.values()].filter((facility) => !filter.availableOnly || facility.availability.band === 'AVAILABLE');
  }, [data, updates, filter]);

  return { facilities, fetching, error: error ?? subscriptionError, recentlyChanged };
}

/**
 * The live feed carries the counts of now only; the places expected free in 24 h and 72 h come from
 * the board's read (FacilitiesDocument) and are kept as read until the next one: they move with stays' ends,
 * hours away, not with each hold.
 */
function withAheadOf(known: Facility | undefined, update: Facility): Facility {
  if (!update.capacity || update.capacity.expectedFree24h !== undefined || !known?.capacity) return update;
  const { expectedFree24h, expectedFree72h } = known.capacity;
  return { ...update, capacity: { ...update.capacity, expectedFree24h, expectedFree72h } };
}
