import { type CapacityCounts, Gender, PLACING_AUTHORITY_BY_TYPE, ShelterType, UpdateCadence } from '@opvangplek/domain';
import { loadRegister } from '@opvangplek/composition';
import type { LoadableFacility, LoadableRegion } from '@opvangplek/registry/register-loader';
import { FacilityEntity } from '@opvangplek/registry/facility.entity';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

export const REGIONS: Record<string, LoadableRegion> = {
  RR: { code: 'RR', name: 'Rotterdam Rijnmond', centralMunicipality: 'Rotterdam', latitude: 51.92, longitude: 4.48 },
  AMS: { code: 'AMS', name: 'Amsterdam', centralMunicipality: 'Amsterdam', latitude: 52.37, longitude: 4.9 },
  TW: { code: 'TW', name: 'Twente', centralMunicipality: 'Enschede', latitude: 52.22, longitude: 6.89 },
  FV: { code: 'FV', name: 'Foodvalley', centralMunicipality: 'Ede', latitude: 52.04, longitude: 5.67 },
  ZHZ: { code: 'ZHZ', name: 'Zuid-Holland Zuid', centralMunicipality: 'Dordrecht', latitude: 51.81, longitude: 4.67 },
};

/** Where a facility stands when it is in Amsterdam, at the region's centre: a spread for `newFacility`/`facilityOf`. */
export const IN_AMSTERDAM = {
  regionCode: 'AMS',
  municipality: 'Amsterdam',
  latitude: REGIONS.AMS.latitude,
  longitude: REGIONS.AMS.longitude,
};

/** Facility eligibility that takes any adult: tests narrow only what they are about. */
export const ANY_ADULT: LoadableFacility['eligibility'] = {
  genders: [],
  minAge: 18,
  maxAge: null,
  exploitationTypes: [],
  residenceStatuses: [],
  b8Statuses: [],
  acceptsCareNeeds: [],
  acceptsChildren: false,
  maxGroupSize: 1,
  foundInRegionCodes: [],
};

/** A facility definition with sensible defaults; override what the test is about. */
export function newFacility(overrides: Partial<LoadableFacility> & { type?: ShelterType } = {}): LoadableFacility {
  const type = overrides.type ?? ShelterType.VROUWENOPVANG;
  const key = overrides.key ?? `test-${type.toLowerCase()}-${randomBytes(3).toString('hex')}`;
  const capacity: CapacityCounts = { total: 10, occupied: 5, held: 0, outOfService: 0 };
  return {
    key,
    name: `Test ${type} ${key.slice(-6)}`,
    type,
    operator: 'Testzorg',
    regionCode: 'RR',
    municipality: 'Rotterdam',
    latitude: 51.92,
    longitude: 4.48,
    secretAddress: false,
    address: 'Teststraat 1, 3011 AA Rotterdam',
    intakePhone: null,
    placingAuthority: PLACING_AUTHORITY_BY_TYPE[type],
    intakeHours: null,
    eligibility: { ...ANY_ADULT, genders: [Gender.FEMALE] },
    maxStayDays: null,
    updateCadence: UpdateCadence.ROUND_THE_CLOCK,
    ...overrides,
    capacity: { ...capacity, ...overrides.capacity },
  };
}

/** Inserts facilities (and the regions they need) through the register loader; returns them with their ids. */
export async function insertFacilities(
  dataSource: DataSource,
  facilities: LoadableFacility[],
  options: { now?: Date; confirmedHoursAgo?: number } = {},
): Promise<(LoadableFacility & { id: string })[]> {
  const regionCodes = [...new Set(facilities.map((f) => f.regionCode))];
  await loadRegister(
    dataSource,
    { regions: regionCodes.map((code) => REGIONS[code]), facilities },
    { now: options.now ?? new Date(), confirmedHoursAgo: () => options.confirmedHoursAgo ?? 0 },
  );
  const rows = await dataSource.getRepository(FacilityEntity).find({ select: { id: true, key: true } });
  const idByKey = new Map(rows.map((row) => [row.key, row.id]));
  return facilities.map((facility) => ({ ...facility, id: idByKey.get(facility.key)! }));
}
