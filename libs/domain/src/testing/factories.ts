/**
 * Small fixture factories for specs (conventions.md "Tests": `newFacility({ type: 'COSM' })`).
 * Every call returns fresh objects; nothing shared or mutable. Not exported from the package index:
 * import `@opvangplek/domain/testing/factories` in specs.
 */
import { CapacityCounts } from '../capacity';
import { EligibilityContext, FacilitySnapshot } from '../eligibility/context';
import { DEFAULT_MATCHING_CONFIG, MatchingConfig } from '../matching-config';
import { ExploitationType, Gender, ResidenceStatus, ShelterType } from '../enums';
import { VictimProfile } from '../profile';
import { Eligibility, PLACING_AUTHORITY_BY_TYPE, UpdateCadence } from '../register';

export const ANY_ELIGIBILITY: Readonly<Eligibility> = Object.freeze({
  genders: [],
  minAge: null,
  maxAge: null,
  exploitationTypes: [],
  residenceStatuses: [],
  b8Statuses: [],
  acceptsCareNeeds: [],
  acceptsChildren: true,
  maxGroupSize: 1,
  foundInRegionCodes: [],
});

export type FacilityOverrides = Omit<Partial<FacilitySnapshot>, 'eligibility' | 'capacity'> & {
  eligibility?: Partial<Eligibility>;
  capacity?: Partial<CapacityCounts>;
};

/** A facility that takes anyone, 24/7, with 5 free places, in Rotterdam Rijnmond. */
export function newFacility(overrides: FacilityOverrides = {}): FacilitySnapshot {
  const type = overrides.type ?? ShelterType.VROUWENOPVANG;
  const id = overrides.id ?? `${type.toLowerCase()}-1`;
  const { eligibility, capacity, ...rest } = overrides;
  return {
    id,
    key: id,
    name: `Test ${type} ${id}`,
    type,
    operator: 'Test operator',
    regionCode: 'RR',
    municipality: 'Rotterdam',
    latitude: 51.9225,
    longitude: 4.47917,
    secretAddress: false,
    address: 'Teststraat 1, Rotterdam',
    intakePhone: null,
    placingAuthority: PLACING_AUTHORITY_BY_TYPE[type],
    intakeHours: null,
    maxStayDays: null,
    updateCadence: UpdateCadence.ROUND_THE_CLOCK,
    capacityUpdatedAt: new Date('2026-06-10T08:00:00Z'),
    ...rest,
    eligibility: { ...ANY_ELIGIBILITY, genders: [], ...eligibility },
    capacity: { total: 5, occupied: 0, held: 0, outOfService: 0, ...capacity },
  };
}

/** An adult Dutch woman, sexual exploitation, nothing else known. */
export function newProfile(overrides: Partial<VictimProfile> = {}): VictimProfile {
  return {
    gender: Gender.FEMALE,
    age: 30,
    exploitationTypes: [ExploitationType.SEXUAL],
    residenceStatus: ResidenceStatus.DUTCH,
    ...overrides,
  };
}

/** An eligibility context at a fixed moment with the default config. */
export function newContext(
  profile: Partial<VictimProfile> = {},
  facility: FacilityOverrides = {},
  options: { at?: Date; config?: MatchingConfig } = {},
): EligibilityContext {
  return {
    profile: newProfile(profile),
    facility: newFacility(facility),
    at: options.at ?? new Date('2026-06-10T10:00:00+02:00'),
    config: options.config ?? DEFAULT_MATCHING_CONFIG,
  };
}
