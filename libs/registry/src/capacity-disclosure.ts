import {
  AvailabilityBand,
  availabilityBand,
  availablePlaces,
  type CapacityCounts,
  capacityFreshness,
  Freshness,
  type FreshnessPolicy,
  type ShelterType,
} from '@opvangplek/domain';
import type { Viewer } from '@opvangplek/access';
import type { LoadedFacility } from './facility-definitions';
import { mayKnowLocation } from './location-disclosure';

/**
 * Who sees a facility's exact counts, and what everyone else sees instead (issue 12, path 2).
 *
 * A secret-address facility's held count moving seconds after a request ties that request to the
 * facility, and so does any exact figure that moves with it (occupied, available, version,
 * updatedAt). So its exact counts go to those who may locate it (its own staff) and to no one else;
 * the others see its `AvailabilityBand`, and its region × kind in aggregates whose exact sums cover
 * facilities with a public address only. Pure: the same answer for the same facility and viewer,
 * so one read of a changed facility serves every subscriber (CapacityFeed).
 */
export function mayKnowCounts(viewer: Viewer, facility: { id: string; secretAddress: boolean }): boolean {
  // The same people as for the location: its staff. A placing party that may learn the address of
  // an accepted placement does so through the placement, not through the register's live counts.
  return mayKnowLocation(viewer, facility);
}

/** A facility as the aggregate needs it. */
export interface CountedFacility {
  regionCode: string;
  type: ShelterType;
  secretAddress: boolean;
  capacity: CapacityCounts;
  /** Its figures are STALE or UNKNOWN (freshness.ts): staff confirmations only, never an offer. */
  stale: boolean;
}

/**
 * The places of one kind in one region, as anyone may see them. Exact sums over the facilities with
 * a public address (each of them is shown exactly anyway, so the sum tells nothing more); the
 * secret-address ones only as a band over all of them together. Not exact sums including them:
 * subtracting the public facilities' counts, which everyone sees, would give the secret ones' sum
 * back, and in most regions that is one facility (most region × kind pairs hold one secret facility).
 */
export interface RegionKindCapacity {
  regionCode: string;
  type: ShelterType;
  /** Every facility of this kind in the region, secret ones included. */
  facilities: number;
  secretFacilities: number;
  /** Sums over the facilities with a public address. */
  total: number;
  occupied: number;
  held: number;
  outOfService: number;
  available: number;
  /** Whether the secret-address facilities have a free place between them (NONE when there are none). */
  secretAvailability: AvailabilityBand;
  /** Whether any facility of this kind in the region has a free place. */
  availability: AvailabilityBand;
  /** Share of all its facilities whose figures are stale (0–1, three decimals). */
  staleShare: number;
}

export const regionKindKey = (regionCode: string, type: string): string => `${regionCode}|${type}`;

/** The region × kind aggregates of these facilities, in the order their groups first appear. */
export function regionKindCapacities(facilities: readonly CountedFacility[]): RegionKindCapacity[] {
  const groups = new Map<string, RegionKindCapacity & { secretFree: number; stale: number }>();
  for (const facility of facilities) {
    const key = regionKindKey(facility.regionCode, facility.type);
    let group = groups.get(key);
    if (!group) {
      group = {
        regionCode: facility.regionCode,
        type: facility.type,
        facilities: 0,
        secretFacilities: 0,
        total: 0,
        occupied: 0,
        held: 0,
        outOfService: 0,
        available: 0,
        secretAvailability: AvailabilityBand.NONE,
        availability: AvailabilityBand.NONE,
        staleShare: 0,
        secretFree: 0,
        stale: 0,
      };
      groups.set(key, group);
    }
    const free = availablePlaces(facility.capacity);
    group.facilities += 1;
    if (facility.stale) group.stale += 1;
    if (facility.secretAddress) {
      group.secretFacilities += 1;
      group.secretFree += free;
    } else {
      group.total += facility.capacity.total;
      group.occupied += facility.capacity.occupied;
      group.held += facility.capacity.held;
      group.outOfService += facility.capacity.outOfService;
      group.available += free;
    }
  }
  return [...groups.values()].map(({ secretFree, stale, ...group }) => ({
    ...group,
    secretAvailability: availabilityBand(secretFree),
    availability: availabilityBand(secretFree + group.available),
    staleShare: Math.round((stale / group.facilities) * 1000) / 1000,
  }));
}

const COMPARED: readonly (keyof RegionKindCapacity)[] = [
  'regionCode',
  'type',
  'facilities',
  'secretFacilities',
  'total',
  'occupied',
  'held',
  'outOfService',
  'available',
  'secretAvailability',
  'availability',
  'staleShare',
];

/** Whether two aggregates would tell a subscriber the same: an unchanged one is not sent again. */
export function sameRegionKindCapacity(a: RegionKindCapacity | undefined, b: RegionKindCapacity): boolean {
  return a !== undefined && COMPARED.every((field) => a[field] === b[field]);
}

/** A region as an aggregate names it. */
export interface SummaryRegion {
  code: string;
  name: string;
  centralMunicipality: string;
  latitude: number;
  longitude: number;
}

/**
 * `regionKindCapacities` of facilities as the register loads them, each with its region: what
 * capacityOverview answers and regionCapacityChanged sends. Freshness at `now`.
 */
export function summariseRegionKinds(
  facilities: readonly LoadedFacility[],
  now: Date,
  policy: FreshnessPolicy,
): (RegionKindCapacity & { region: SummaryRegion })[] {
  const regions = new Map<string, SummaryRegion>();
  const counted = facilities.map((facility): CountedFacility => {
    const { region } = facility;
    if (!regions.has(region.code)) {
      const { code, name, centralMunicipality, latitude, longitude } = region;
      regions.set(code, { code, name, centralMunicipality, latitude, longitude });
    }
    const freshness = capacityFreshness(facility.capacity.confirmedAt, facility.updateCadence, now, policy);
    return {
      regionCode: facility.regionCode,
      type: facility.type,
      secretAddress: facility.secretAddress,
      capacity: facility.capacity,
      stale: freshness === Freshness.STALE || freshness === Freshness.UNKNOWN,
    };
  });
  return regionKindCapacities(counted).map((group) => ({ ...group, region: regions.get(group.regionCode)! }));
}
