/**
 * Occupancy over time, replayed from the capacity history (issue 6): every capacity row change is
 * recorded with its full counts, so the register's state at any instant is each facility's last
 * recorded counts before it. Pure: the caller reads the rows, this adds them up per bucket.
 */
import { availablePlaces, type CapacityCounts } from '../capacity';
import type { ShelterType } from '../enums';

export interface HistoryFacility {
  facilityId: string;
  regionCode: string;
  type: ShelterType;
}

/** A facility's counts from `at` on (one capacity_history row). */
export interface RecordedCounts extends CapacityCounts {
  facilityId: string;
  at: Date;
}

/** One region and kind in one bucket: the counts as they stood at the bucket's end. */
export interface OccupancyPoint {
  /** Start of the bucket. */
  at: Date;
  regionCode: string;
  type: ShelterType;
  total: number;
  occupied: number;
  held: number;
  outOfService: number;
  available: number;
  /** The highest `occupied` the region and kind reached at any moment within the bucket. */
  peakOccupied: number;
  /** Facilities of this region and kind (public addresses only). */
  facilities: number;
  /**
   * Of those, the ones with recorded counts by the bucket's end. A facility before its first
   * history row has no figures: it adds nothing to the sums, which is "no data", not zero places.
   */
  facilitiesWithHistory: number;
  /** Every facility of the region and kind had recorded counts by the bucket's end. */
  complete: boolean;
}

type Sums = Omit<
  OccupancyPoint,
  'at' | 'regionCode' | 'type' | 'peakOccupied' | 'facilities' | 'facilitiesWithHistory' | 'complete'
>;

const NO_PLACES: CapacityCounts = { total: 0, occupied: 0, held: 0, outOfService: 0 };

function addTo(sums: Sums, counts: CapacityCounts, sign: 1 | -1): void {
  sums.total += sign * counts.total;
  sums.occupied += sign * counts.occupied;
  sums.held += sign * counts.held;
  sums.outOfService += sign * counts.outOfService;
  sums.available += sign * availablePlaces(counts);
}

/**
 * @param initial each facility's counts at the first bucket's start (absent: no places yet)
 * @param changes later recorded counts, in time order; changes at or after `to` are ignored
 * @param starts  bucket starts (ascending); the last bucket ends at `to`
 * @returns one point per bucket and region/kind that has facilities, ordered by time, region, kind;
 *          each says how many of its facilities had recorded counts by then (`complete` when all)
 */
export function replayOccupancy(
  facilities: readonly HistoryFacility[],
  initial: ReadonlyMap<string, CapacityCounts>,
  changes: readonly RecordedCounts[],
  starts: readonly Date[],
  to: Date,
): OccupancyPoint[] {
  type Group = Sums & { regionCode: string; type: ShelterType; peak: number; facilities: number; withHistory: number };
  const groupOf = new Map<string, Group>();
  const facilityGroup = new Map<string, Group>();
  /** Facilities with a recorded row so far; the others have no figures yet (not zero places). */
  const recorded = new Set<string>();
  const current = new Map<string, CapacityCounts>();
  const keyOf = (f: HistoryFacility) => `${f.regionCode}|${f.type}`;
  for (const facility of [...facilities].sort((a, b) => keyOf(a).localeCompare(keyOf(b)))) {
    let group = groupOf.get(keyOf(facility));
    if (!group) {
      group = {
        regionCode: facility.regionCode,
        type: facility.type,
        total: 0,
        occupied: 0,
        held: 0,
        outOfService: 0,
        available: 0,
        peak: 0,
        facilities: 0,
        withHistory: 0,
      };
      groupOf.set(keyOf(facility), group);
    }
    const counts = initial.get(facility.facilityId) ?? NO_PLACES;
    group.facilities += 1;
    if (initial.has(facility.facilityId)) {
      recorded.add(facility.facilityId);
      group.withHistory += 1;
    }
    current.set(facility.facilityId, counts);
    facilityGroup.set(facility.facilityId, group);
    addTo(group, counts, 1);
  }

  const points: OccupancyPoint[] = [];
  let next = 0;
  for (let i = 0; i < starts.length; i += 1) {
    const end = i + 1 < starts.length ? starts[i + 1] : to;
    for (const group of groupOf.values()) group.peak = group.occupied;
    for (; next < changes.length && changes[next].at < end; next += 1) {
      const change = changes[next];
      const group = facilityGroup.get(change.facilityId);
      if (!group) continue; // a facility outside the asked regions or kinds
      addTo(group, current.get(change.facilityId)!, -1);
      addTo(group, change, 1);
      current.set(change.facilityId, change);
      if (!recorded.has(change.facilityId)) {
        recorded.add(change.facilityId);
        group.withHistory += 1;
      }
      group.peak = Math.max(group.peak, group.occupied);
    }
    for (const group of groupOf.values()) {
      const { regionCode, type, total, occupied, held, outOfService, available, peak, facilities, withHistory } = group;
      points.push({
        at: starts[i],
        regionCode,
        type,
        total,
        occupied,
        held,
        outOfService,
        available,
        peakOccupied: peak,
        facilities,
        facilitiesWithHistory: withHistory,
        complete: withHistory === facilities,
      });
    }
  }
  return points;
}
