import type { Facility } from '../api/types';
import { distanceFrom, type Place } from './distance';

export const BED_SORTS = ['region', 'free', 'name', 'distance'] as const;
export type BedSort = (typeof BED_SORTS)[number];

/** Free places as far as the viewer may know them: a withheld count with a free place counts as one. */
function freeOf(facility: Facility): number {
  return facility.capacity?.available ?? (facility.availability.band === 'NONE' ? 0 : 1);
}

/** How the board names a facility (facilityName: a secret address by its kind and region, in the viewer's words). */
export type NameOf = (facility: Facility) => string;

/** By the name the viewer sees, not the API's: a secret address's stand-in, or nothing on a kept board. */
const byShownName = (nameOf: NameOf) => (a: Facility, b: Facility) => nameOf(a).localeCompare(nameOf(b));

/**
 * One list across regions: most free places first, by name, or nearest to `origin` first (a secret
 * address by its region's centre, see distance.ts); ties by name.
 */
export function sortFacilities(
  facilities: Facility[],
  sort: Exclude<BedSort, 'region'>,
  origin: Place | null,
  nameOf: NameOf,
): Facility[] {
  const byName = byShownName(nameOf);
  if (sort === 'distance' && origin) {
    const km = new Map(facilities.map((facility) => [facility.id, distanceFrom(origin, facility).km]));
    return [...facilities].sort((a, b) => km.get(a.id)! - km.get(b.id)! || byName(a, b));
  }
  return [...facilities].sort(sort === 'free' ? (a, b) => freeOf(b) - freeOf(a) || byName(a, b) : byName);
}

export function groupByRegion(facilities: Facility[], nameOf: NameOf): [string, Facility[]][] {
  const byName = byShownName(nameOf);
  const groups = new Map<string, Facility[]>();
  for (const facility of [...facilities].sort((a, b) => a.region.name.localeCompare(b.region.name) || byName(a, b))) {
    const list = groups.get(facility.region.name) ?? [];
    list.push(facility);
    groups.set(facility.region.name, list);
  }
  return [...groups];
}
