/**
 * fast-check arbitraries for matcher specs: random profiles and registers. Not exported from the
 * package index (like factories.ts).
 */
import fc from 'fast-check';
import { FacilitySnapshot } from '../eligibility/context';
import {
  AangifteStatus,
  B8Status,
  CareNeed,
  ExploitationType,
  Gender,
  ResidenceStatus,
  ShelterType,
  ThreatLevel,
} from '../enums';
import { MatchInput } from '../matching/match-facilities';
import { VictimProfile } from '../profile';
import { IsoWeekday, OpeningHours, PLACING_AUTHORITY_BY_TYPE, UpdateCadence } from '../register';

export const REGIONS = ['RR', 'AMS', 'TW', 'UT', 'GR', 'ZHZ'];
export const enumOf = <T extends string>(e: Record<string, T>): fc.Arbitrary<T> => fc.constantFrom(...Object.values(e));
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null | undefined> =>
  fc.option(arb, { nil: undefined }).chain((v) => fc.constantFrom(v, v, null));
const subsetOf = <T>(values: readonly T[]): fc.Arbitrary<T[]> => fc.subarray([...values]);
/** Facility lists: mostly "any" (empty), sometimes restricted, so that enough facilities match. */
const listOf = <T>(values: readonly T[]): fc.Arbitrary<T[]> =>
  fc.oneof({ arbitrary: fc.constant<T[]>([]), weight: 4 }, { arbitrary: fc.subarray([...values], { minLength: 1 }), weight: 1 });

export const profileArb: fc.Arbitrary<VictimProfile> = fc.record(
  {
    gender: enumOf(Gender),
    age: maybe(fc.integer({ min: 0, max: 80 })),
    minor: maybe(fc.boolean()),
    exploitationTypes: fc.uniqueArray(enumOf(ExploitationType), { minLength: 1, maxLength: 3 }),
    residenceStatus: maybe(enumOf(ResidenceStatus)),
    b8Status: maybe(enumOf(B8Status)),
    bedenktijdStart: maybe(fc.constantFrom('2025-10-01', '2026-01-15', '2026-03-01', '2026-05-20')),
    aangifte: maybe(enumOf(AangifteStatus)),
    careNeeds: maybe(subsetOf(Object.values(CareNeed))),
    accompanyingChildren: fc.oneof(
      { arbitrary: fc.constant(0), weight: 3 },
      { arbitrary: fc.integer({ min: 0, max: 3 }), weight: 1 },
    ),
    threatLevel: maybe(enumOf(ThreatLevel)),
    excludedRegionCodes: maybe(subsetOf(REGIONS)),
    homeRegionCode: maybe(fc.constantFrom(...REGIONS)),
    foundInRegionCode: maybe(fc.constantFrom(...REGIONS)),
    unaccompanied: maybe(fc.boolean()),
    groupSize: fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 3 },
      { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 1 },
    ),
  },
  { requiredKeys: ['gender', 'exploitationTypes'] },
);

export const hoursArb: fc.Arbitrary<OpeningHours | null> = fc.oneof(
  fc.constant(null),
  fc.record({
    days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }).map((d) => d as IsoWeekday[]),
    opens: fc.constantFrom('00:00', '08:00', '09:00', '13:00', '17:00'),
    closes: fc.constantFrom('09:00', '12:00', '17:00', '19:00', '24:00'),
    closedOnPublicHolidays: fc.boolean(),
  }),
);

export const facilityArb = (id: string): fc.Arbitrary<FacilitySnapshot> =>
  fc
    .record({
      type: enumOf(ShelterType),
      regionCode: fc.constantFrom(...REGIONS),
      latitude: fc.double({ min: 50.8, max: 53.5, noNaN: true }),
      longitude: fc.double({ min: 3.4, max: 7.2, noNaN: true }),
      secretAddress: fc.boolean(),
      intakeHours: hoursArb,
      genders: listOf(Object.values(Gender)),
      minAge: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null, freq: 1 }),
      maxAge: fc.option(fc.integer({ min: 12, max: 99 }), { nil: null, freq: 1 }),
      exploitationTypes: listOf(Object.values(ExploitationType)),
      residenceStatuses: listOf(Object.values(ResidenceStatus)),
      b8Statuses: listOf(Object.values(B8Status)),
      acceptsCareNeeds: listOf(Object.values(CareNeed)),
      acceptsChildren: fc.boolean(),
      maxGroupSize: fc.integer({ min: 1, max: 8 }),
      foundInRegionCodes: listOf(REGIONS),
      total: fc.integer({ min: 0, max: 10 }),
      occupied: fc.integer({ min: 0, max: 4 }),
      held: fc.integer({ min: 0, max: 1 }),
      outOfService: fc.integer({ min: 0, max: 1 }),
      capacityUpdatedAt: fc.option(
        fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }),
        { nil: null },
      ),
      updateCadence: enumOf(UpdateCadence),
      maxStayDays: fc.option(fc.integer({ min: 1, max: 90 }), { nil: null }),
    })
    .map((f) => ({
      id,
      key: id,
      name: `Facility ${id}`,
      type: f.type,
      operator: 'Operator',
      regionCode: f.regionCode,
      municipality: 'Gemeente',
      latitude: f.latitude,
      longitude: f.longitude,
      secretAddress: f.secretAddress,
      address: 'Straat 1',
      intakePhone: null,
      placingAuthority: PLACING_AUTHORITY_BY_TYPE[f.type],
      intakeHours: f.intakeHours,
      eligibility: {
        genders: f.genders,
        minAge: f.minAge,
        maxAge: f.maxAge,
        exploitationTypes: f.exploitationTypes,
        residenceStatuses: f.residenceStatuses,
        b8Statuses: f.b8Statuses,
        acceptsCareNeeds: f.acceptsCareNeeds,
        acceptsChildren: f.acceptsChildren,
        maxGroupSize: f.maxGroupSize,
        foundInRegionCodes: f.foundInRegionCodes,
      },
      maxStayDays: f.maxStayDays,
      updateCadence: f.updateCadence,
      capacity: { total: f.total, occupied: f.occupied, held: f.held, outOfService: f.outOfService },
      capacityUpdatedAt: f.capacityUpdatedAt,
    }));

export const registerArb: fc.Arbitrary<FacilitySnapshot[]> = fc
  .integer({ min: 0, max: 16 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => facilityArb(`f-${String(i).padStart(2, '0')}`))));

export const inputArb: fc.Arbitrary<MatchInput> = fc.record({
  profile: profileArb,
  facilities: registerArb,
  at: fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }),
  requesterRegionCode: fc.option(fc.constantFrom(...REGIONS), { nil: undefined }),
});
