import { centroid, distanceKm } from './geo';

describe('geo', () => {
  it('measures great-circle distance (Rotterdam–Amsterdam ≈ 57 km)', () => {
    const d = distanceKm({ latitude: 51.9225, longitude: 4.47917 }, { latitude: 52.3676, longitude: 4.9041 });
    expect(d).toBeGreaterThan(55);
    expect(d).toBeLessThan(60);
    expect(distanceKm({ latitude: 52, longitude: 5 }, { latitude: 52, longitude: 5 })).toBe(0);
  });
  it('averages points, ignoring invalid ones', () => {
    expect(
      centroid([
        { latitude: 52, longitude: 4 },
        { latitude: 53, longitude: 6 },
        { latitude: NaN, longitude: 1 },
      ]),
    ).toEqual({
      latitude: 52.5,
      longitude: 5,
    });
    expect(centroid([])).toBeNull();
  });
});
