import type { Facility } from '../api/types';
import { distanceFrom, type Place } from './distance';

export const BED_SORTS = ['region', 'free', 'name', 'distance'] as const;
export type BedSort = (typeof BED_SORTS)[number];

/** Free places as far as the viewer may know them: a withheld count with a free place counts as one. */
function freeOf(facility: Facility): number {
  return facility.capacity?.available ?? (facility.availability.band === 'NONE' ? 0 : 1);
}

const byName = (a: Facility, b: Facility) => a.name.localeCompare(b.name);

/**
 * One list across regions: most free places first, by name, or nearest to `origin` first (a secret
 * address by its region's centre, see distance.ts); ties by name.
 */
export function sortFacilities(facilities: Facility[], sort: Exclude<BedSort, 'region'>, origin: Place | null): Facility[] {
  if (sort === 'distance' && origin) {
    const km = new Map(facilities.map((facility) => [facility.id, distanceFrom(origin, facility).km]));
    return [...facilities].sort((a, b) => km.get(a.id)! - km.get(b.id)! || byName(a, b));
  }
  return [...facilities].sort(sort === 'free' ? (a, b) => freeOf(b) - freeOf(a) || byName(a, b) : byName);
}

export function groupByRegion(facilities: Facility[]): [string, Facility[]][] {
  const groups = new Map<string, Facility[]>();
  for (const facility of [...facilities].sort((a, b) => a.region.name.localeCompare(b.region.name) || byName(a, b))) {
    const list = groups.get(facility.region.name) ?? [];
    list.push(facility);
    groups.set(facility.region.name, list);
  }
  return [...groups];
}
