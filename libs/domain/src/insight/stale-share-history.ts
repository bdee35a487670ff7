import { DUTCH_PUBLIC_HOLIDAYS, type HolidayCalendar } from '../calendar/holidays';
import { Freshness } from '../enums';
import { capacityFreshness, DEFAULT_FRESHNESS_POLICY, type FreshnessPolicy } from '../freshness';
import type { UpdateCadence } from '../register';

/** A facility as the stale-share replay counts it. */
export interface ConfirmedFacility {
  facilityId: string;
  regionCode: string;
  updateCadence: UpdateCadence;
  /** When it entered the register: before this it is not counted at all. */
  registeredAt: Date;
  /** Every instant its staff vouched for its figures (a confirmation or an update), in any order. */
  confirmations: Date[];
}

/** A region's figures as they stood at one instant. */
export interface StaleSharePoint {
  /** Start of the bucket. */
  at: Date;
  regionCode: string;
  /** Facilities in the register at the bucket's end. */
  facilities: number;
  /** Of them, STALE or never confirmed (as capacityOverview's staleShare counts). */
  stale: number;
  /** Of them, AGING: confirmed, but their staff are being nudged. */
  aging: number;
  /** stale / facilities, three decimals; 0 when there are none. */
  staleShare: number;
}

/**
 * Each region's stale share over time (issue 18), replayed from the confirmations: at the end of
 * each bucket (or at `to` for the last), a facility's freshness is what `capacityFreshness` says of
 * its latest confirmation up to then. The same rule the live figure uses, so a replayed point and
 * capacityOverview at that instant agree.
 */
export function replayStaleShare(
  facilities: readonly ConfirmedFacility[],
  bucketStarts: readonly Date[],
  to: Date,
  policy: FreshnessPolicy = DEFAULT_FRESHNESS_POLICY,
  holidays: HolidayCalendar = DUTCH_PUBLIC_HOLIDAYS,
): StaleSharePoint[] {
  const regions = [...new Set(facilities.map((facility) => facility.regionCode))].sort();
  const sorted = facilities.map((facility) => ({
    ...facility,
    confirmations: [...facility.confirmations].sort((a, b) => a.getTime() - b.getTime()),
  }));
  const points: StaleSharePoint[] = [];
  bucketStarts.forEach((at, index) => {
    const end = bucketStarts[index + 1] && bucketStarts[index + 1] < to ? bucketStarts[index + 1] : to;
    const byRegion = new Map(regions.map((code) => [code, { facilities: 0, stale: 0, aging: 0 }]));
    for (const facility of sorted) {
      if (facility.registeredAt > end) continue;
      const counts = byRegion.get(facility.regionCode)!;
      counts.facilities += 1;
      const freshness = capacityFreshness(latestUpTo(facility.confirmations, end), facility.updateCadence, end, policy, holidays);
      if (freshness === Freshness.STALE || freshness === Freshness.UNKNOWN) counts.stale += 1;
      else if (freshness === Freshness.AGING) counts.aging += 1;
    }
    for (const [regionCode, counts] of byRegion) {
      const staleShare = counts.facilities === 0 ? 0 : Math.round((counts.stale / counts.facilities) * 1000) / 1000;
      points.push({ at, regionCode, ...counts, staleShare });
    }
  });
  return points;
}

/** The last instant of an ascending list that is not after `end`; null when there is none. */
function latestUpTo(ascending: readonly Date[], end: Date): Date | null {
  let low = 0;
  let high = ascending.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ascending[middle] <= end) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? null : ascending[low - 1];
}
