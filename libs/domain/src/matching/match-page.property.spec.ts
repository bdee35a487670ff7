/**
 * The paged matcher (screen once per eligibility class, read capacity for candidates and the shown
 * excluded only, write reasons for the page only) must give exactly what `matchFacilities` gives,
 * cut to the page: same matches, same excluded with the same reasons, same advice, counts and
 * exclusion summary. Over random profiles, registers whose facilities share eligibility classes,
 * pages, hidden secret addresses and missing region centroids.
 */
import fc from 'fast-check';
import { availablePlaces } from '../capacity';
import { FacilitySnapshot } from '../eligibility/context';
import { ExclusionCode } from '../eligibility/exclusion';
import { ShelterType } from '../enums';
import { roomAskedFor } from '../eligibility/rules/capacity.rule';
import { matchingConfig } from '../matching-config';
import { groupSizeOf } from '../profile';
import { PLACING_AUTHORITY_BY_TYPE } from '../register';
import { facilityArb, inputArb, REGIONS } from '../testing/matching-arbitraries';
import { GeoPoint } from './geo';
import { matchFacilities } from './match-facilities';
import { bestN, capacityNeeded, matchPage, screenRegister, screeningOfKinds } from './match-page';
import { RegisterIndex } from './register-index';

const CENTRES: Record<string, GeoPoint> = {
  RR: { latitude: 51.92, longitude: 4.48 },
  AMS: { latitude: 52.37, longitude: 4.9 },
  TW: { latitude: 52.22, longitude: 6.89 },
  UT: { latitude: 52.09, longitude: 5.12 },
  GR: { latitude: 53.22, longitude: 6.57 },
  ZHZ: { latitude: 51.81, longitude: 4.67 },
};

/** Up to 30 facilities; about half copy the kind, region and eligibility of an earlier one (one class). */
const sharedClassRegisterArb: fc.Arbitrary<FacilitySnapshot[]> = fc
  .integer({ min: 0, max: 30 })
  .chain((n) =>
    fc.tuple(
      fc.tuple(...Array.from({ length: n }, (_, i) => facilityArb(`f-${String(i).padStart(2, '0')}`))),
      fc.array(fc.option(fc.nat(), { nil: null }), { minLength: n, maxLength: n }),
    ),
  )
  .map(([facilities, copies]) =>
    facilities.map((facility, i) => {
      const from = copies[i];
      if (from === null || i === 0) return facility;
      const source = facilities[from % i];
      return {
        ...facility,
        type: source.type,
        placingAuthority: PLACING_AUTHORITY_BY_TYPE[source.type],
        regionCode: source.regionCode,
        eligibility: { ...source.eligibility },
      };
    }),
  );

const pageCaseArb = fc.record({
  input: inputArb,
  facilities: sharedClassRegisterArb,
  first: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
  excludedFirst: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
  /** Secret addresses ranked from the region centre (a caller who may not locate them). */
  hideSecret: fc.boolean(),
  /** Secret facilities' counts withheld from the caller (issue 12): told on their band. */
  withholdCounts: fc.boolean(),
  /** Regions with a given centroid; the rest fall back to the mean of their facilities. */
  centroids: fc.subarray(REGIONS),
  strict: fc.boolean(),
});

/** Live capacity as the reader gives it: only for the positions asked for (`capacityNeeded`). */
function capacityAsked(register: RegisterIndex<FacilitySnapshot>, asked: ReadonlySet<number>) {
  return (position: number) => {
    if (!asked.has(position)) return undefined;
    const f = register.facilities[position];
    return { ...f.capacity, confirmedAt: f.capacityUpdatedAt };
  };
}

describe('matchPage', () => {
  it('equals matchFacilities cut to the page, with the whole answer’s counts and summary', () => {
    let excludedWithClassReasons = 0;
    let fullCandidates = 0;
    fc.assert(
      fc.property(pageCaseArb, (c) => {
        const config = c.strict
          ? matchingConfig({ eligibility: { unknownAge: 'MINOR', cosmAcceptsUnknownResidence: true } })
          : matchingConfig();
        const regionCentroids = Object.fromEntries(c.centroids.map((code) => [code, CENTRES[code]]));
        const locate = (f: FacilitySnapshot): GeoPoint =>
          c.hideSecret && f.secretAddress && regionCentroids[f.regionCode]
            ? regionCentroids[f.regionCode]
            : { latitude: f.latitude, longitude: f.longitude };
        const countsShown = (f: { secretAddress: boolean }) => !(c.withholdCounts && f.secretAddress);
        const common = { ...c.input, config, regionCentroids, countsShown };

        const full = matchFacilities({ ...common, facilities: c.facilities.map((f) => ({ ...f, ...locate(f) })) });

        const register = new RegisterIndex(c.facilities);
        const screening = screenRegister(register, c.input.profile, c.input.at, config);
        const readable = new Set(capacityNeeded(screening, c.excludedFirst));
        const needed = groupSizeOf(c.input.profile);
        const page = matchPage({
          ...common,
          register,
          screening,
          // Only what capacityNeeded asked for: the page must not need any other facility's capacity.
          capacity: capacityAsked(register, readable),
          // As CAPACITY_FOR_SQL counts it: fewer free than the group, or than one place when withheld.
          withoutRoom: c.facilities.filter((f) => availablePlaces(f.capacity) < roomAskedFor(needed, countsShown(f))).length,
          first: c.first,
          excludedFirst: c.excludedFirst,
          locate,
        });

        expect(page.matches).toEqual(full.matches.slice(0, c.first ?? undefined));
        expect(page.excluded).toEqual(full.excluded.slice(0, c.excludedFirst ?? undefined));
        expect(page.advice).toEqual(full.advice);
        expect(page.matchCount).toBe(full.matches.length);
        expect(page.excludedCount).toBe(full.excluded.length);
        const summary = new Map<ExclusionCode, number>();
        for (const e of full.excluded) {
          for (const code of new Set(e.reasons.map((r) => r.code))) summary.set(code, (summary.get(code) ?? 0) + 1);
        }
        expect(page.exclusionSummary).toEqual(
          [...summary].sort(([a], [b]) => a.localeCompare(b)).map(([code, facilities]) => ({ code, facilities })),
        );
        excludedWithClassReasons += full.excluded.filter((e) =>
          e.reasons.some((r) => r.code !== ExclusionCode.NO_CAPACITY),
        ).length;
        fullCandidates += full.excluded.filter((e) => e.reasons.every((r) => r.code === ExclusionCode.NO_CAPACITY)).length;
      }),
      { numRuns: 300 },
    );
    // Both ways out were exercised.
    expect(excludedWithClassReasons).toBeGreaterThan(0);
    expect(fullCandidates).toBeGreaterThan(0);
  });

  it('asked about some kinds (screeningOfKinds): the matches, exclusions and advice of the register of those kinds', () => {
    let restricted = 0;
    fc.assert(
      fc.property(pageCaseArb, fc.subarray(Object.values(ShelterType), { minLength: 1 }), (c, kinds) => {
        // Every region's centre given, as the service does: a kind left out moves no region's centre.
        const regionCentroids = Object.fromEntries(REGIONS.map((code) => [code, CENTRES[code]]));
        const common = { ...c.input, regionCentroids };
        const ofKinds = c.facilities.filter((f) => kinds.includes(f.type));
        const full = matchFacilities({ ...common, facilities: ofKinds });

        const register = new RegisterIndex(c.facilities);
        const screening = screeningOfKinds(screenRegister(register, c.input.profile, c.input.at), register, kinds);
        const readable = new Set(capacityNeeded(screening, null));
        const needed = groupSizeOf(c.input.profile);
        const page = matchPage({
          ...common,
          register,
          screening,
          capacity: capacityAsked(register, readable),
          withoutRoom: c.facilities.filter((f) => availablePlaces(f.capacity) < roomAskedFor(needed, true)).length,
        });

        expect(page.matches).toEqual(full.matches);
        expect(page.excluded).toEqual(full.excluded);
        expect(page.advice).toEqual(full.advice);
        expect(page.matchCount).toBe(full.matches.length);
        if (ofKinds.length < c.facilities.length) restricted++;
      }),
      { numRuns: 200 },
    );
    expect(restricted).toBeGreaterThan(0);
  });

  it('gives every facility of an eligibility class the verdict of the class (the profile rules read nothing else)', () => {
    fc.assert(
      fc.property(inputArb, facilityArb('a'), facilityArb('b'), (input, a, other) => {
        const b = { ...other, type: a.type, regionCode: a.regionCode, eligibility: { ...a.eligibility } };
        const register = new RegisterIndex([a, b]);
        expect(register.classes).toHaveLength(1);
        const screening = screenRegister(register, input.profile, input.at);
        expect(screening.candidates.length === 0 || screening.candidates.length === 2).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('bestN', () => {
  it('is a stable sort cut to n, also with ties', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ rank: fc.integer({ min: 0, max: 5 }), tag: fc.nat() })),
        fc.integer({ min: -1, max: 30 }),
        (items, n) => {
          const order = (a: { rank: number }, b: { rank: number }) => a.rank - b.rank;
          expect(bestN(items, n, order)).toEqual([...items].sort(order).slice(0, Math.max(0, n)));
        },
      ),
    );
  });
});

describe('RegisterIndex', () => {
  it('orders facilities like the matcher and groups them by kind, region and eligibility', () => {
    const [a, b, c] = fc.sample(facilityArb('x'), { numRuns: 3, seed: 7 });
    const register = new RegisterIndex([
      { ...b, id: 'f-2', key: 'f-2' },
      { ...a, id: 'f-1', key: 'f-1' },
      { ...a, id: 'f-3', key: 'f-3', name: 'another name', capacity: { ...c.capacity } },
    ]);
    expect(register.facilities.map((f) => f.id)).toEqual(['f-1', 'f-2', 'f-3']);
    expect(register.classOf[0]).toBe(register.classOf[2]);
    expect(register.classSizes[register.classOf[0]]).toBe(2);
    expect(register.positionOf('f-3')).toBe(2);
    expect(register.positionOf('nope')).toBeUndefined();
  });

  it('shows the profile rules only the class fields: reading another field throws', () => {
    const [facility] = fc.sample(facilityArb('x'), { numRuns: 1, seed: 1 });
    const [view] = new RegisterIndex([facility]).classes;
    expect(view.type).toBe(facility.type);
    expect(view.eligibility).toEqual(facility.eligibility);
    expect(() => view.capacity).toThrow(/not in the eligibility class key/);
    expect(() => view.name).toThrow(/not in the eligibility class key/);
  });
});
