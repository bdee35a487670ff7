import type { CapacityEntity } from './capacity.entity';
import type { FacilityEntity } from './facility.entity';
import type { RegionEntity } from './region.entity';

export type LoadedFacility = FacilityEntity & { capacity: CapacityEntity; region: RegionEntity };

/**
 * The register's hot read, written by hand: one join of facility, region and capacity, mapped
 * without ORM hydration (which cost more than the query itself; see `npm run bench`). Enum arrays
 * come back as text[] because pg cannot parse arrays of custom enum types.
 */
export const FACILITY_ROWS_SQL = `
  SELECT f.id, f.key, f.name, f.type, f.operator, f.region_code, f.municipality, f.latitude, f.longitude,
         f.secret_address, f.address, f.intake_phone, f.placing_authority, f.intake_hours, f.genders::text[] AS genders, f.min_age, f.max_age,
         f.exploitation_types::text[] AS exploitation_types, f.residence_statuses::text[] AS residence_statuses,
         f.b8_statuses::text[] AS b8_statuses, f.accepts_care_needs::text[] AS accepts_care_needs, f.accepts_children,
         f.max_group_size, f.found_in_region_codes, f.max_stay_days, f.update_cadence, f.created_at, f.updated_at,
         r.name AS region_name, r.central_municipality, r.latitude AS region_latitude, r.longitude AS region_longitude,
         c.total, c.occupied, c.held, c.out_of_service, c.version, c.updated_at AS capacity_updated_at, c.confirmed_at
  FROM facilities f
  JOIN regions r ON r.code = f.region_code
  JOIN capacity c ON c.facility_id = f.id`;

export const FACILITY_ROWS_ORDER = 'ORDER BY f.region_code, f.type, f.name, f.id';

type Row = Record<string, unknown>;

/** The live counts alone, for reading capacity fresh against cached definitions (RegisterSnapshotService). */
export const CAPACITY_ROWS_SQL = `
  SELECT c.facility_id AS id, c.total, c.occupied, c.held, c.out_of_service, c.version, c.updated_at AS capacity_updated_at, c.confirmed_at
  FROM capacity c`;

/** A capacity row of FACILITY_ROWS_SQL or CAPACITY_ROWS_SQL (same column names). */
export function toCapacity(row: Row): CapacityEntity {
  return {
    facilityId: row.id,
    total: row.total,
    occupied: row.occupied,
    held: row.held,
    outOfService: row.out_of_service,
    version: row.version,
    updatedAt: row.capacity_updated_at,
    confirmedAt: row.confirmed_at,
  } as CapacityEntity;
}

export function toLoadedFacility(row: Row): LoadedFacility {
  const capacity = toCapacity(row);
  const region = {
    code: row.region_code,
    name: row.region_name,
    centralMunicipality: row.central_municipality,
    latitude: row.region_latitude,
    longitude: row.region_longitude,
  } as RegionEntity;
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    type: row.type,
    operator: row.operator,
    regionCode: row.region_code,
    municipality: row.municipality,
    latitude: row.latitude,
    longitude: row.longitude,
    secretAddress: row.secret_address,
    address: row.address,
    intakePhone: row.intake_phone,
    placingAuthority: row.placing_authority,
    intakeHours: row.intake_hours,
    eligibility: {
      genders: row.genders,
      minAge: row.min_age,
      maxAge: row.max_age,
      exploitationTypes: row.exploitation_types,
      residenceStatuses: row.residence_statuses,
      b8Statuses: row.b8_statuses,
      acceptsCareNeeds: row.accepts_care_needs,
      acceptsChildren: row.accepts_children,
      maxGroupSize: row.max_group_size,
      foundInRegionCodes: row.found_in_region_codes,
    },
    maxStayDays: row.max_stay_days,
    updateCadence: row.update_cadence,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    capacity,
    region,
  } as LoadedFacility;
}
