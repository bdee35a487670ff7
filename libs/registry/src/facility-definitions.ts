import type {
  B8Status,
  CareNeed,
  ExploitationType,
  Gender,
  OpeningHours,
  PlacingAuthority,
  ResidenceStatus,
  ShelterType,
  UpdateCadence,
} from '@opvangplek/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { FacilityEntity } from './facility.entity';
import type { CapacityModel } from './models/capacity.model';
import type { RegionEntity } from './region.entity';

/** A facility's definition as the register keeps it: everything but its live capacity, with its region. */
export type FacilityDefinitionRow = Omit<FacilityEntity, 'region'> & { region: RegionEntity };

/**
 * A facility's counts as the views show them (`facilityView`, the summaries). The capacity feature
 * owns the counts and reads them (`@opvangplek/capacity`, RegisterReader); the register only shows them.
 */
export type CapacityReading = Omit<CapacityModel, 'available' | 'freshness' | 'facilityId'> & { facilityId: string };

/** A facility definition with its live counts: what the register's views and the matcher take. */
export type LoadedFacility = FacilityDefinitionRow & { capacity: CapacityReading };

/**
 * The register's definition columns, written by hand: one join of facility and region, mapped
 * without ORM hydration (which cost more than the query itself; see `npm run bench`). Enum arrays
 * come back as text[] because pg cannot parse arrays of custom enum types. Published so a reader
 * can read definitions and live counts in one statement (`FROM ${FACILITY_DEFINITION_FROM} JOIN …`).
 */
export const FACILITY_DEFINITION_COLUMNS = `f.id, f.key, f.name, f.type, f.operator, f.region_code, f.municipality, f.latitude, f.longitude,
         f.secret_address, f.address, f.intake_phone, f.placing_authority, f.intake_hours, f.genders::text[] AS genders, f.min_age, f.max_age,
         f.exploitation_types::text[] AS exploitation_types, f.residence_statuses::text[] AS residence_statuses,
         f.b8_statuses::text[] AS b8_statuses, f.accepts_care_needs::text[] AS accepts_care_needs, f.accepts_children,
         f.max_group_size, f.found_in_region_codes, f.max_stay_days, f.update_cadence, f.created_at, f.updated_at,
         r.name AS region_name, r.central_municipality, r.latitude AS region_latitude, r.longitude AS region_longitude`;

/** The tables FACILITY_DEFINITION_COLUMNS are read from (aliases `f` and `r`). */
export const FACILITY_DEFINITION_FROM = `facilities f
  JOIN regions r ON r.code = f.region_code`;

/** The register's stable order. */
export const FACILITY_DEFINITION_ORDER = 'ORDER BY f.region_code, f.type, f.name, f.id';

/**
 * The register's version (migration RegisterVersion: bumped by every write to facilities or
 * regions), as one scalar subquery: read in the same statement as anything else, it says which
 * definitions that statement's snapshot saw.
 */
export const REGISTER_STAMP_SQL = `SELECT version::text AS stamp FROM register_version`;

/** One row of FACILITY_DEFINITION_COLUMNS, as pg returns it. */
export interface FacilityDefinitionRecord {
  id: string;
  key: string;
  name: string;
  type: ShelterType;
  operator: string;
  region_code: string;
  municipality: string;
  latitude: number;
  longitude: number;
  secret_address: boolean;
  address: string;
  intake_phone: string | null;
  placing_authority: PlacingAuthority;
  intake_hours: OpeningHours | null;
  genders: Gender[];
  min_age: number | null;
  max_age: number | null;
  exploitation_types: ExploitationType[];
  residence_statuses: ResidenceStatus[];
  b8_statuses: B8Status[];
  accepts_care_needs: CareNeed[];
  accepts_children: boolean;
  max_group_size: number;
  found_in_region_codes: string[];
  max_stay_days: number | null;
  update_cadence: UpdateCadence;
  created_at: Date;
  updated_at: Date;
  region_name: string;
  central_municipality: string;
  region_latitude: number;
  region_longitude: number;
}

export function toFacilityDefinition(row: FacilityDefinitionRecord): FacilityDefinitionRow {
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
    region: {
      code: row.region_code,
      name: row.region_name,
      centralMunicipality: row.central_municipality,
      latitude: row.region_latitude,
      longitude: row.region_longitude,
    },
  };
}

/**
 * One facility's definition by its register key (as the register file names it), read as the
 * register's readers read every definition; `null` when the register has no such facility. For
 * code outside the service (set-ups, tools) that has a database and no Nest providers.
 */
export async function readFacilityDefinition(db: DataSource | EntityManager, key: string): Promise<FacilityDefinitionRow | null> {
  const rows: FacilityDefinitionRecord[] = await db.query(
    `SELECT ${FACILITY_DEFINITION_COLUMNS} FROM ${FACILITY_DEFINITION_FROM} WHERE f.key = $1`,
    [key],
  );
  return rows.length === 0 ? null : toFacilityDefinition(rows[0]);
}
