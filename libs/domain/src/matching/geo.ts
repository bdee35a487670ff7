/** Distances for ranking (great-circle; good enough within the Netherlands). */

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number): number => (deg * Math.PI) / 180;

export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The mean of the points, or `null` for none. Callers pass points in a fixed order (determinism). */
export function centroid(points: readonly GeoPoint[]): GeoPoint | null {
  const valid = points.filter((p) => Number.isFinite(p.latitude) && Number.isFinite(p.longitude));
  if (valid.length === 0) return null;
  return {
    latitude: valid.reduce((sum, p) => sum + p.latitude, 0) / valid.length,
    longitude: valid.reduce((sum, p) => sum + p.longitude, 0) / valid.length,
  };
}
