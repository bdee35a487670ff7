import type { Facility } from '../api/types';

export interface Place {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_KM = 6371;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Straight-line (great-circle) distance in km: a ranking aid, not a route. */
export function kilometresBetween(a: Place, b: Place): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Where a facility is, as far as this viewer may know: its own coordinates, or its region's centre
 * when the API withholds them (a secret address) — then the distance is the region's, and says so.
 */
export function facilityPlace(facility: Facility): { place: Place; regionCentre: boolean } {
  if (facility.latitude !== null && facility.longitude !== null)
    return { place: { latitude: facility.latitude, longitude: facility.longitude }, regionCentre: false };
  return { place: facility.region, regionCentre: true };
}

export interface FacilityDistance {
  km: number;
  /** Measured to the region's centre, because the facility's own location is withheld. */
  regionCentre: boolean;
}

export function distanceFrom(origin: Place, facility: Facility): FacilityDistance {
  const { place, regionCentre } = facilityPlace(facility);
  return { km: kilometresBetween(origin, place), regionCentre };
}
