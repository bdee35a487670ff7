import {
  type CapacityCounts,
  DUTCH_PHONE_NUMBER_FORMS,
  type FacilityDefinition,
  type Region,
  toE164DutchPhoneNumber,
} from '@opvangplek/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { MunicipalitySeed } from './seed/municipalities.data';

export type LoadableRegion = Region & { latitude: number; longitude: number };
/** A register entry: a facility's definition and the counts its capacity opens with (capacity writes those). */
export type LoadableFacility = FacilityDefinition & { capacity: CapacityCounts };

export interface RegisterLoadReport {
  regionsInserted: number;
  regionsUpdated: number;
  facilitiesInserted: number;
  facilitiesUpdated: number;
  municipalitiesInserted: number;
  municipalitiesUpdated: number;
  municipalitiesRemoved: number;
}

/** A report of a load that changed nothing. */
export function emptyRegisterLoadReport(): RegisterLoadReport {
  return {
    regionsInserted: 0,
    regionsUpdated: 0,
    facilitiesInserted: 0,
    facilitiesUpdated: 0,
    municipalitiesInserted: 0,
    municipalitiesUpdated: 0,
    municipalitiesRemoved: 0,
  };
}

/** Serialises register loads across processes (two `npm start`s on one database). */
const LOAD_LOCK_KEY = 4_207_193_002;
const BATCH_SIZE = 500;

const FACILITY_COLUMNS = [
  'key',
  'name',
  'type',
  'operator',
  'region_code',
  'municipality',
  'latitude',
  'longitude',
  'secret_address',
  'address',
  'intake_phone',
  'placing_authority',
  'intake_hours',
  'genders',
  'min_age',
  'max_age',
  'exploitation_types',
  'residence_statuses',
  'b8_statuses',
  'accepts_care_needs',
  'accepts_children',
  'max_group_size',
  'found_in_region_codes',
  'max_stay_days',
  'update_cadence',
] as const;

/** Postgres casts per column, so plain JS values (strings, arrays of strings, JSON) bind safely. */
const CASTS: Partial<Record<(typeof FACILITY_COLUMNS)[number], string>> = {
  type: 'shelter_type',
  placing_authority: 'placing_authority',
  intake_hours: 'jsonb',
  genders: 'gender[]',
  exploitation_types: 'exploitation_type[]',
  residence_statuses: 'residence_status[]',
  b8_statuses: 'b8_status[]',
  accepts_care_needs: 'care_need[]',
  found_in_region_codes: 'text[]',
  update_cadence: 'update_cadence',
};

function facilityRow(facility: FacilityDefinition): unknown[] {
  const e = facility.eligibility;
  return [
    facility.key,
    facility.name,
    facility.type,
    facility.operator,
    facility.regionCode,
    facility.municipality,
    facility.latitude,
    facility.longitude,
    facility.secretAddress,
    facility.address,
    facility.intakePhone,
    facility.placingAuthority,
    facility.intakeHours === null ? null : JSON.stringify(facility.intakeHours),
    e.genders,
    e.minAge,
    e.maxAge,
    e.exploitationTypes,
    e.residenceStatuses,
    e.b8Statuses,
    e.acceptsCareNeeds,
    e.acceptsChildren,
    e.maxGroupSize,
    e.foundInRegionCodes,
    facility.maxStayDays,
    facility.updateCadence,
  ];
}

/** How much of a refused value an error message repeats. */
const ECHO_LENGTH = 40;

/**
 * The facilities with their intake lines in E.164, or an error naming the first facility and field
 * whose number is not a Dutch phone number: a register is loaded whole or not at all.
 */
export function withNormalisedPhones<F extends FacilityDefinition>(facilities: readonly F[]): F[] {
  return facilities.map((facility, index) => {
    if (facility.intakePhone === null) return facility;
    const e164 = toE164DutchPhoneNumber(facility.intakePhone);
    if (e164 === null) {
      const shown =
        facility.intakePhone.length > ECHO_LENGTH ? `${facility.intakePhone.slice(0, ECHO_LENGTH)}…` : facility.intakePhone;
      throw new RegisterEntryError(
        `facilities[${index}].intakePhone`,
        `facilities[${index}].intakePhone (facility '${facility.key}'): "${shown}" is not a Dutch phone number; give ${DUTCH_PHONE_NUMBER_FORMS}`,
      );
    }
    return { ...facility, intakePhone: e164 };
  });
}

/** A register entry that cannot be loaded; `field` is its path in the register (`facilities[3].intakePhone`). */
export class RegisterEntryError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'RegisterEntryError';
  }
}

function placeholders(rowCount: number, columnCasts: (string | undefined)[], offset = 0): string {
  const width = columnCasts.length;
  return Array.from({ length: rowCount }, (_, row) => {
    const cells = columnCasts.map((cast, column) => `$${offset + row * width + column + 1}${cast ? `::${cast}` : ''}`);
    return `(${cells.join(', ')})`;
  }).join(',\n');
}

function batches<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH_SIZE) result.push(items.slice(i, i + BATCH_SIZE));
  return result;
}

/**
 * Loads a register's definitions idempotently: regions and facilities are matched by code and key;
 * a row is rewritten only where its definition differs. Loading the same register twice changes
 * nothing. `withEachBatch` runs in the same transaction after each batch of facilities is written,
 * with their ids: the capacity feature opens the new facilities' counts there (composition's
 * `loadRegister`), so a facility is never seen without them.
 */
export async function loadRegisterDefinitions<F extends FacilityDefinition>(
  dataSource: DataSource,
  register: {
    regions: readonly LoadableRegion[];
    facilities: readonly F[];
    /** The complete municipality list, when given: it replaces the table's (rows not in it are removed). */
    municipalities?: readonly MunicipalitySeed[];
  },
  options: {
    withEachBatch?: (manager: EntityManager, batch: readonly (F & { id: string })[]) => Promise<void>;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<RegisterLoadReport> {
  const facilities = withNormalisedPhones(register.facilities);
  return dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [LOAD_LOCK_KEY]);
    const report = emptyRegisterLoadReport();
    await loadRegions(manager, register.regions, report);
    if (register.municipalities) await loadMunicipalities(manager, register.municipalities, report);
    let done = 0;
    for (const batch of batches(facilities)) {
      await loadFacilities(manager, batch, report);
      if (options.withEachBatch) await options.withEachBatch(manager, await withIds(manager, batch));
      done += batch.length;
      options.onProgress?.(done, facilities.length);
    }
    return report;
  });
}

/** The batch's facilities with the ids the database gave them (matched by key). */
async function withIds<F extends FacilityDefinition>(
  manager: EntityManager,
  batch: readonly F[],
): Promise<(F & { id: string })[]> {
  const rows: { id: string; key: string }[] = await manager.query(
    'SELECT id, key FROM facilities WHERE key = ANY($1::varchar[])',
    [batch.map((facility) => facility.key)],
  );
  const idOf = new Map(rows.map((row) => [row.key, row.id]));
  return batch.map((facility) => ({ ...facility, id: idOf.get(facility.key)! }));
}

async function loadRegions(
  manager: EntityManager,
  regions: readonly LoadableRegion[],
  report: RegisterLoadReport,
): Promise<void> {
  if (regions.length === 0) return;
  const values = regions.flatMap((r) => [r.code, r.name, r.centralMunicipality, r.latitude, r.longitude]);
  const rows: { inserted: boolean }[] = await manager.query(
    `INSERT INTO regions (code, name, central_municipality, latitude, longitude)
     VALUES ${placeholders(regions.length, [undefined, undefined, undefined, undefined, undefined])}
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, central_municipality = EXCLUDED.central_municipality,
       latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude
     WHERE (regions.name, regions.central_municipality, regions.latitude, regions.longitude)
       IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.central_municipality, EXCLUDED.latitude, EXCLUDED.longitude)
     RETURNING (xmax = 0) AS inserted`,
    values,
  );
  report.regionsInserted += rows.filter((row) => row.inserted).length;
  report.regionsUpdated += rows.filter((row) => !row.inserted).length;
}

/** Upserts the list by CBS code (a row is rewritten only where it differs) and removes municipalities no longer in it. */
async function loadMunicipalities(
  manager: EntityManager,
  municipalities: readonly MunicipalitySeed[],
  report: RegisterLoadReport,
): Promise<void> {
  const [removed] = await manager.query(
    `WITH gone AS (DELETE FROM municipalities WHERE code <> ALL($1::varchar[]) RETURNING 1) SELECT count(*)::int AS n FROM gone`,
    [municipalities.map((m) => m.code)],
  );
  report.municipalitiesRemoved += removed.n;
  for (const batch of batches(municipalities)) {
    const rows: { inserted: boolean }[] = await manager.query(
      `INSERT INTO municipalities (code, name, province, region_code, source, aliases)
       VALUES ${placeholders(batch.length, [undefined, undefined, undefined, undefined, undefined, 'text[]'])}
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, province = EXCLUDED.province, region_code = EXCLUDED.region_code,
         source = EXCLUDED.source, aliases = EXCLUDED.aliases
       WHERE (municipalities.name, municipalities.province, municipalities.region_code, municipalities.source, municipalities.aliases)
         IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.province, EXCLUDED.region_code, EXCLUDED.source, EXCLUDED.aliases)
       RETURNING (xmax = 0) AS inserted`,
      batch.flatMap((m) => [m.code, m.name, m.province, m.regionCode, m.source, m.aliases]),
    );
    report.municipalitiesInserted += rows.filter((row) => row.inserted).length;
    report.municipalitiesUpdated += rows.filter((row) => !row.inserted).length;
  }
}

async function loadFacilities(
  manager: EntityManager,
  batch: readonly FacilityDefinition[],
  report: RegisterLoadReport,
): Promise<void> {
  const columns = FACILITY_COLUMNS.join(', ');
  const updatable = FACILITY_COLUMNS.filter((column) => column !== 'key');
  const rows: { inserted: boolean }[] = await manager.query(
    `INSERT INTO facilities (${columns})
     VALUES ${placeholders(
       batch.length,
       FACILITY_COLUMNS.map((column) => CASTS[column]),
     )}
     ON CONFLICT (key) DO UPDATE SET ${updatable.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()
     WHERE (${updatable.map((c) => `facilities.${c}`).join(', ')}) IS DISTINCT FROM (${updatable.map((c) => `EXCLUDED.${c}`).join(', ')})
     RETURNING (xmax = 0) AS inserted`,
    batch.flatMap(facilityRow),
  );
  report.facilitiesInserted += rows.filter((row) => row.inserted).length;
  report.facilitiesUpdated += rows.filter((row) => !row.inserted).length;
}
