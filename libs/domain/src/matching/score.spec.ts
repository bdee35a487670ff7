import { Freshness } from '../enums';
import { DEFAULT_RANKING_WEIGHTS } from '../matching-config';
import { scoreMatch, ScoreInputs } from './score';

const base: ScoreInputs = {
  specialised: false,
  placeableNow: false,
  secretUnderHighThreat: false,
  freePlaces: 0,
  freshness: Freshness.STALE,
  distanceKm: null,
  awayFromDanger: false,
};
const score = (patch: Partial<ScoreInputs>): number => scoreMatch({ ...base, ...patch }, DEFAULT_RANKING_WEIGHTS);

describe('scoreMatch', () => {
  it('adds each term as documented', () => {
    expect(score({})).toBe(0);
    expect(score({ specialised: true })).toBe(2000);
    expect(score({ placeableNow: true })).toBe(1000);
    expect(score({ secretUnderHighThreat: true })).toBe(500);
    expect(score({ freePlaces: 3 })).toBe(30);
    expect(score({ freePlaces: 50 })).toBe(100);
    expect(score({ freshness: Freshness.FRESH })).toBe(150);
    expect(score({ freshness: Freshness.AGING })).toBe(75);
    expect(score({ freshness: Freshness.UNKNOWN })).toBe(0);
    expect(score({ distanceKm: 0 })).toBe(200);
    expect(score({ distanceKm: 150 })).toBe(100);
    expect(score({ distanceKm: 900 })).toBe(0);
    expect(score({ distanceKm: 150, awayFromDanger: true })).toBe(100);
    expect(score({ distanceKm: 300, awayFromDanger: true })).toBe(200);
  });

  it('each of the first three terms outweighs the sum of all terms after it (default weights)', () => {
    const rest = { freePlaces: 10, freshness: Freshness.FRESH, distanceKm: 0 };
    expect(score({ specialised: true })).toBeGreaterThan(score({ placeableNow: true, secretUnderHighThreat: true, ...rest }));
    expect(score({ placeableNow: true })).toBeGreaterThan(score({ secretUnderHighThreat: true, ...rest }));
    expect(score({ secretUnderHighThreat: true })).toBeGreaterThan(score(rest));
  });
});
