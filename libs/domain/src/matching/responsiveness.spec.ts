import { ShelterType, ThreatLevel } from '../enums';
import { DEFAULT_RANKING_WEIGHTS, matchingConfig } from '../matching-config';
import { newFacility, newProfile } from '../testing/factories';
import { matchFacilities } from './match-facilities';
import { MatchReasonCode } from './match-reason';
import { type FacilityResponsiveness, MAX_RESPONSIVENESS_WEIGHT, responsivenessPoints } from './responsiveness';

const NIGHT = new Date('2026-03-28T02:00:00+01:00');
const ON = { ...DEFAULT_RANKING_WEIGHTS, responsiveness: 300 };

/** Two women's shelters alike in every way but how they answer offers (issue 18). */
const twins = () => [
  newFacility({ id: 'vo-slow', type: ShelterType.VROUWENOPVANG, capacity: { total: 10, occupied: 5, held: 0, outOfService: 0 } }),
  newFacility({
    id: 'vo-quick',
    type: ShelterType.VROUWENOPVANG,
    capacity: { total: 10, occupied: 5, held: 0, outOfService: 0 },
  }),
];
const QUICK: FacilityResponsiveness = { answered: 8, lapsed: 0, medianMinutes: 12 };
const SLOW: FacilityResponsiveness = { answered: 6, lapsed: 3, medianMinutes: 95 };
const figures = new Map([
  ['vo-quick', QUICK],
  ['vo-slow', SLOW],
]);

describe('the ranking weight for shelters that answer offers quickly (issue 18)', () => {
  it('is off by default: the coordinator at 02:00 sees the same ranking, scores and reasons as without the figures', () => {
    const without = matchFacilities({ profile: newProfile(), facilities: twins(), at: NIGHT });
    const withFigures = matchFacilities({ profile: newProfile(), facilities: twins(), at: NIGHT, responsiveness: figures });
    expect(withFigures.matches).toEqual(without.matches);
    expect(without.matches.map((m) => m.facility.id)).toEqual(['vo-quick', 'vo-slow']); // the tie broken by id
    expect(without.matches.flatMap((m) => m.reasonCodes.map((r) => r.code))).not.toContain(MatchReasonCode.ANSWERS_QUICKLY);
  });

  it('when on, ranks the quick responder first and says why ("answers offers quickly: median 12 min")', () => {
    // Tie-broken by id without the weight, the slow one would come first under a name sorting before it.
    const facilities = [
      newFacility({
        id: 'a-slow',
        type: ShelterType.VROUWENOPVANG,
        capacity: { total: 10, occupied: 5, held: 0, outOfService: 0 },
      }),
      newFacility({
        id: 'b-quick',
        type: ShelterType.VROUWENOPVANG,
        capacity: { total: 10, occupied: 5, held: 0, outOfService: 0 },
      }),
    ];
    const byId = new Map([
      ['a-slow', SLOW],
      ['b-quick', QUICK],
    ]);
    const off = matchFacilities({ profile: newProfile(), facilities, at: NIGHT, responsiveness: byId });
    expect(off.matches.map((m) => m.facility.id)).toEqual(['a-slow', 'b-quick']);
    const on = matchFacilities({
      profile: newProfile(),
      facilities,
      at: NIGHT,
      responsiveness: byId,
      config: matchingConfig({ ranking: ON }),
    });
    expect(on.matches.map((m) => m.facility.id)).toEqual(['b-quick', 'a-slow']);
    expect(on.matches[0].reasons).toContain('answers offers quickly: median 12 min');
    expect(on.matches[0].score - off.matches[1].score).toBeCloseTo(300 * (1 - 12 / 120), 1);
  });

  it('names no median for a secret-address facility whose counts the asker may not see', () => {
    const facilities = [
      newFacility({ id: 'vo-secret', secretAddress: true, capacity: { total: 10, occupied: 5, held: 0, outOfService: 0 } }),
    ];
    const on = matchFacilities({
      profile: newProfile(),
      facilities,
      at: NIGHT,
      responsiveness: new Map([['vo-secret', QUICK]]),
      config: matchingConfig({ ranking: ON }),
      countsShown: () => false,
    });
    expect(on.matches[0].reasons).toContain('answers offers quickly');
    expect(on.matches[0].reasons.join(' ')).not.toMatch(/12 min/);
  });

  it('the police officer at 03:00 with a high-threat victim: the secret address decides, not who answers faster (000:2108-2110)', () => {
    const facilities = [
      newFacility({ id: 'a-quick-public', capacity: { total: 10, occupied: 5, held: 0, outOfService: 0 } }),
      newFacility({ id: 'b-secret', secretAddress: true, capacity: { total: 10, occupied: 5, held: 0, outOfService: 0 } }),
    ];
    const on = matchFacilities({
      profile: newProfile({ threatLevel: ThreatLevel.HIGH, homeRegionCode: 'AMS' }),
      facilities,
      at: NIGHT,
      responsiveness: new Map([
        // At the cap, an instant answer is worth as much as the secret address: without the rule the tie goes to 'a'.
        ['a-quick-public', { answered: 20, lapsed: 0, medianMinutes: 0 }],
      ]),
      config: matchingConfig({ ranking: { ...DEFAULT_RANKING_WEIGHTS, responsiveness: MAX_RESPONSIVENESS_WEIGHT } }),
    });
    expect(on.matches[0].facility.id).toBe('b-secret');
    expect(on.matches.flatMap((m) => m.reasons)).not.toContain('answers offers quickly: median 0 min');
  });

  it('at the largest weight allowed, a place placeable now still outranks any place that is not', () => {
    const w = { ...DEFAULT_RANKING_WEIGHTS, responsiveness: MAX_RESPONSIVENESS_WEIGHT };
    const rest = w.perFreePlace * w.freePlacesCap + w.freshness.FRESH + w.distance;
    expect(responsivenessPoints({ answered: 50, lapsed: 0, medianMinutes: 0 }, w) + rest).toBeLessThan(w.placeableNow);
  });

  it('gives nothing for too few offers, nothing past the hold, and less for lapses', () => {
    expect(responsivenessPoints({ answered: 4, lapsed: 0, medianMinutes: 1 }, ON)).toBe(0);
    expect(responsivenessPoints({ answered: 3, lapsed: 2, medianMinutes: 1 }, ON)).toBeGreaterThan(0);
    expect(responsivenessPoints({ answered: 9, lapsed: 0, medianMinutes: 120 }, ON)).toBe(0);
    expect(responsivenessPoints({ answered: 9, lapsed: 0, medianMinutes: null }, ON)).toBe(0);
    expect(responsivenessPoints(QUICK, { ...ON, responsiveness: 0 })).toBe(0);
    const reliable = responsivenessPoints({ answered: 10, lapsed: 0, medianMinutes: 30 }, ON);
    const lapsing = responsivenessPoints({ answered: 5, lapsed: 5, medianMinutes: 30 }, ON);
    expect(lapsing).toBeCloseTo(reliable / 2, 5);
    expect(reliable).toBeCloseTo(300 * 0.75, 5);
  });
});
