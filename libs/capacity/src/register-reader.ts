import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { availablePlaces, type CapacityCounts, type ShelterType } from '@opvangplek/domain';
import {
  type CapacityReading,
  FACILITY_DEFINITION_COLUMNS,
  FACILITY_DEFINITION_FROM,
  FACILITY_DEFINITION_ORDER,
  type FacilityDefinitionRecord,
  type FacilityDefinitionRow,
  type LoadedFacility,
  REGISTER_STAMP_SQL,
  type RegisterDefinitions,
  RegisterDefinitionsCache,
  toFacilityDefinition,
} from '@opvangplek/registry';
import { types as pgTypes } from 'pg';
import type { DataSource } from 'typeorm';

/** Which facilities a register read wants; every field narrows it (all absent: the whole register). */
export interface FacilityQuery {
  types?: ShelterType[] | null;
  regionCodes?: string[] | null;
  availableOnly?: boolean | null;
  ids?: string[];
}

/**
 * A facility's live counts as the reader reads them beside the cached definitions: the counts (a
 * CapacityCounts) and the confirmation instant, as the matcher takes them, plus what a view shows.
 */
export interface LiveCapacityRow extends CapacityCounts {
  facilityId: string;
  version: number;
  /** When any count last changed, as PostgreSQL wrote it (parsed only for the facilities shown). */
  updatedText: string;
  /** When staff last vouched for the counts; `null` = never. */
  confirmedAt: Date | null;
}

/** The whole register in numbers, read in the same statement as the counts. */
export interface RegisterTotals {
  /** Capacity rows in the whole register. */
  facilities: number;
  /**
   * Facilities in the whole register with fewer free places than the group needs; those whose
   * counts are withheld from the asker (`withheldIds`) only when they have no free place.
   */
  withoutRoom: number;
}

/** What a read wants counts of, decided from the definitions: `totals` also counts the whole register. */
export interface CapacityQuestion {
  ids: readonly string[];
  totals?: { groupSize: number; withheldIds: readonly string[] };
}

/** Definitions and the live counts asked for, both of one version of the register. */
export interface LiveRead<T extends CapacityQuestion> {
  definitions: RegisterDefinitions;
  /** What the question's callback returned for these definitions. */
  asked: T;
  /** The counts of the asked ids that have a capacity row, in id order. */
  rows: LiveCapacityRow[];
  /** When asked for (`totals`). */
  totals?: RegisterTotals;
}

/** A capacity row as the statements below send it: one JSON array per facility. */
type CapacityTuple = [
  facilityId: string,
  total: number,
  occupied: number,
  held: number,
  outOfService: number,
  version: number,
  updatedText: string,
  confirmedText: string | null,
];

/**
 * The capacity rows asked for, one JSON array each in facility-id order (`CapacityTuple`): pg parses
 * the one JSON value with JSON.parse, which costs the API a fraction of parsing as many result rows
 * (a page's candidates can be thousands). Instants in PostgreSQL's text form, the one pg parses a
 * timestamptz column from.
 */
const CAPACITY_TUPLES = `json_agg(json_build_array(c.facility_id, c.total, c.occupied, c.held, c.out_of_service, c.version,
  c.updated_at::text, c.confirmed_at::text) ORDER BY c.facility_id)`;

/**
 * The facilities asked for: those listed in $1, comma-separated ids (one string binds far cheaper
 * than an array of thousands), or, when `$<leftOut>` is true, every facility but those listed
 * (`listing`: the shorter list is sent).
 */
const askedIds = (leftOut: number) => `(c.facility_id = ANY(string_to_array($1, ',')::uuid[])) <> $${leftOut}::boolean`;

/**
 * One row, from one scan of the capacity table (one snapshot): the counts of the facilities asked
 * for ($1, or all but $1 when $4); the totals over the whole register: how many capacity rows, how many without room for a
 * group of $2 (the capacity rule's arithmetic: max(0, total − occupied − held − out of service) < group;
 * < 1 for the facilities listed in $3, whose counts the asker may not see: capacity.rule.ts
 * `roomAskedFor`, issue 12); and the register's version.
 */
const CAPACITY_WITH_TOTALS_SQL = `
  SELECT
    ${CAPACITY_TUPLES} FILTER (WHERE ${askedIds(4)}) AS rows,
    count(*)::int AS facilities,
    (count(*) FILTER (WHERE greatest(0, c.total - c.occupied - c.held - c.out_of_service)
      < CASE WHEN c.facility_id = ANY(string_to_array($3, ',')::uuid[]) THEN 1 ELSE $2 END))::int AS "withoutRoom",
    (${REGISTER_STAMP_SQL}) AS stamp
  FROM capacity c`;

/** `CAPACITY_WITH_TOTALS_SQL` without the register's totals: the rows asked for ($1, $2), and the version. */
const CAPACITY_OF_SQL = `
  SELECT
    (SELECT ${CAPACITY_TUPLES} FROM capacity c WHERE ${askedIds(2)}) AS rows,
    (${REGISTER_STAMP_SQL}) AS stamp`;

/** The capacity columns of `REGISTER_ROWS_SQL`. */
interface CapacityRecord {
  total: number;
  occupied: number;
  held: number;
  out_of_service: number;
  version: number;
  capacity_updated_at: Date;
  confirmed_at: Date | null;
}

/** One row of `REGISTER_ROWS_SQL`. */
export type RegisterRecord = FacilityDefinitionRecord & CapacityRecord;

/**
 * The whole register with its live counts in one statement: the register's definition columns
 * (published by the registry) and the capacity row of each facility. The reader's reference and
 * fallback (`loadJoined`), and the bench's floor.
 */
export const REGISTER_ROWS_SQL = `
  SELECT ${FACILITY_DEFINITION_COLUMNS},
         c.total, c.occupied, c.held, c.out_of_service, c.version, c.updated_at AS capacity_updated_at, c.confirmed_at
  FROM ${FACILITY_DEFINITION_FROM}
  JOIN capacity c ON c.facility_id = f.id`;

/** The register's stable order, for `REGISTER_ROWS_SQL`. */
export const REGISTER_ROWS_ORDER = FACILITY_DEFINITION_ORDER;

/** A row of `REGISTER_ROWS_SQL` as the facility it describes. */
export function toLoadedFacility(row: RegisterRecord): LoadedFacility {
  const capacity: CapacityReading = {
    facilityId: row.id,
    total: row.total,
    occupied: row.occupied,
    held: row.held,
    outOfService: row.out_of_service,
    version: row.version,
    updatedAt: row.capacity_updated_at,
    confirmedAt: row.confirmed_at,
  };
  return { ...toFacilityDefinition(row), capacity };
}

/** The parser pg itself applies to timestamptz columns: the same Date as a plain column read gives. */
const parseTimestamptz = pgTypes.getTypeParser(1184, 'text') as (text: string) => Date;

/**
 * The one way to read facilities with their live capacity: the register's definitions, kept per
 * process (RegisterDefinitionsCache), and the counts, read fresh from the capacity table in one
 * statement that also returns the register's version; definitions of another version are read
 * again. Callers never see the cache, the version or the statements: they ask for facilities
 * (`load`, `byIds`) or, like the matcher, decide from the definitions which counts they need
 * (`read`).
 */
@Injectable()
export class RegisterReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: RegisterDefinitionsCache,
  ) {}

  /**
   * Definitions and the live counts `question` asks for, of one version of the register: first
   * with the cached definitions unchecked (the counts' statement returns the version to check them
   * by), then once more with definitions verified. `null` when the register kept changing in
   * between: the caller reads some other way (`loadJoined`, or the matcher's whole register).
   */
  async read<T extends CapacityQuestion>(question: (definitions: RegisterDefinitions) => T): Promise<LiveRead<T> | null> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const definitions = await this.cache.definitions({ verify: attempt > 0 });
      const asked = question(definitions);
      const { listed, leftOut, askedSet } = listing(asked.ids, definitions);
      // Left out: the rows of any facility but those listed, which at this version (checked by the
      // stamp) are the facilities asked for; kept to the asked ones all the same.
      const rowsOf = (tuples: CapacityTuple[] | null) =>
        liveRows(askedSet ? (tuples ?? []).filter(([facilityId]) => askedSet.has(facilityId)) : tuples);
      if (asked.totals) {
        const [read]: { rows: CapacityTuple[] | null; facilities: number; withoutRoom: number; stamp: string }[] =
          await this.dataSource.query(CAPACITY_WITH_TOTALS_SQL, [
            listed,
            asked.totals.groupSize,
            asked.totals.withheldIds.join(','),
            leftOut,
          ]);
        if (read.stamp !== definitions.stamp) continue;
        const totals = { facilities: read.facilities, withoutRoom: read.withoutRoom };
        return { definitions, asked, rows: rowsOf(read.rows), totals };
      }
      const [read]: { rows: CapacityTuple[] | null; stamp: string }[] = await this.dataSource.query(CAPACITY_OF_SQL, [
        listed,
        leftOut,
      ]);
      if (read.stamp !== definitions.stamp) continue;
      return { definitions, asked, rows: rowsOf(read.rows) };
    }
    return null;
  }

  /**
   * Facility, region and capacity, filtered, in the register's stable order: from the cached
   * definitions and one read of the live counts of those the filter keeps (with `ids`: theirs, by
   * primary key, `byIds`). A facility without a capacity row is left out, as the join leaves it out.
   */
  async load(query: FacilityQuery): Promise<LoadedFacility[]> {
    const wanted = facilityFilter(query);
    const roomy = (counts: CapacityCounts) => !query.availableOnly || availablePlaces(counts) > 0;
    if (query.ids) return (await this.byIds(query.ids)).filter((facility) => wanted(facility) && roomy(facility.capacity));
    const read = await this.read((definitions) => {
      const chosen = candidatesOf(definitions, query).filter(wanted);
      // Ascending ids: the statement walks the capacity table's primary key in that order.
      return { chosen, ids: chosen.map((facility) => facility.id).sort() };
    });
    if (!read) return this.loadJoined(query);
    const countsOf = new Map(read.rows.map((row) => [row.facilityId, row]));
    const loaded: LoadedFacility[] = [];
    for (const definition of read.asked.chosen) {
      const row = countsOf.get(definition.id);
      if (row && roomy(row)) loaded.push(this.withCapacity(definition, row));
    }
    return loaded;
  }

  /** A few facilities by id (any letter case), in the register's order: their counts by primary key. */
  async byIds(ids: readonly string[]): Promise<LoadedFacility[]> {
    const read = await this.read(() => ({ ids }));
    if (!read) return this.loadJoined({ ids: [...ids] });
    const { facilities, positionOf } = read.definitions;
    return read.rows
      .filter((row) => positionOf.has(row.facilityId))
      .sort((a, b) => positionOf.get(a.facilityId)! - positionOf.get(b.facilityId)!)
      .map((row) => this.withCapacity(facilities[positionOf.get(row.facilityId)!], row));
  }

  /** Every facility with its live capacity, in the register's stable order. */
  all(): Promise<LoadedFacility[]> {
    return this.load({});
  }

  /** The facility as the views and the matcher take it: its definition with the counts read beside it. */
  withCapacity(definition: FacilityDefinitionRow, row: LiveCapacityRow): LoadedFacility {
    const capacity: CapacityReading = {
      facilityId: definition.id,
      total: row.total,
      occupied: row.occupied,
      held: row.held,
      outOfService: row.outOfService,
      version: row.version,
      updatedAt: parseTimestamptz(row.updatedText),
      confirmedAt: row.confirmedAt,
    };
    return { ...definition, capacity };
  }

  /** The same answer as `load`, in one statement: facility, region and capacity joined, filtered in SQL. */
  async loadJoined(query: FacilityQuery): Promise<LoadedFacility[]> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const bind = (value: unknown) => `$${parameters.push(value)}`;
    if (query.ids) conditions.push(`f.id = ANY(${bind(query.ids)}::uuid[])`);
    if (query.types?.length) conditions.push(`f.type = ANY(${bind(query.types)}::shelter_type[])`);
    if (query.regionCodes?.length) conditions.push(`f.region_code = ANY(${bind(query.regionCodes)}::text[])`);
    if (query.availableOnly) conditions.push('c.total - c.occupied - c.held - c.out_of_service > 0');
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const rows: RegisterRecord[] = await this.dataSource.query(
      `${REGISTER_ROWS_SQL} ${where} ${REGISTER_ROWS_ORDER}`,
      parameters,
    );
    return rows.map(toLoadedFacility);
  }
}

/**
 * How the asked ids are sent: listed, or, when most of the register is asked for (a match of every
 * kind screens in most of it), the facilities left out listed instead. The ids were a string of
 * some 50 kB for each such match, which the process encoded and wrote and PostgreSQL parsed into
 * an array (issue 16: the noodbed call's largest socket writes). Only ids of these definitions are
 * sent as left out; `askedSet` then keeps the rows to those asked.
 */
function listing(
  ids: readonly string[],
  definitions: Pick<RegisterDefinitions, 'facilities' | 'positionOf'>,
): { listed: string; leftOut: boolean; askedSet: ReadonlySet<string> | null } {
  const register = definitions.facilities.length;
  if (ids.length * 2 <= register || !ids.every((id) => definitions.positionOf.has(id)))
    return { listed: ids.join(','), leftOut: false, askedSet: null };
  const askedSet = new Set(ids);
  const left = definitions.facilities.filter((facility) => !askedSet.has(facility.id)).map((facility) => facility.id);
  return { listed: left.join(','), leftOut: true, askedSet };
}

/** The rows of a capacity read, in their order; equal confirmation instants parsed once. */
function liveRows(tuples: CapacityTuple[] | null): LiveCapacityRow[] {
  const instants = new Map<string, Date>();
  return (tuples ?? []).map(([facilityId, total, occupied, held, outOfService, version, updatedText, confirmed]) => {
    let confirmedAt = confirmed === null ? null : instants.get(confirmed);
    if (confirmedAt === undefined) instants.set(confirmed!, (confirmedAt = parseTimestamptz(confirmed!)));
    return { facilityId, total, occupied, held, outOfService, version, updatedText, confirmedAt };
  });
}

/** The definitions a query can keep, in the register's order: only its regions' when it names regions. */
function candidatesOf(definitions: RegisterDefinitions, query: FacilityQuery): readonly FacilityDefinitionRow[] {
  if (!query.regionCodes?.length) return definitions.facilities;
  // byRegion holds the regions in the register's order: walking it keeps that order.
  const named = new Set(query.regionCodes);
  return [...definitions.byRegion].filter(([code]) => named.has(code)).flatMap(([, facilities]) => facilities);
}

/** `loadJoined`'s WHERE clause, but ids (read by primary key) and capacity, as a test on a cached definition. */
function facilityFilter(query: FacilityQuery): (facility: FacilityDefinitionRow) => boolean {
  const types = query.types?.length ? new Set<string>(query.types) : null;
  const regions = query.regionCodes?.length ? new Set(query.regionCodes) : null;
  return (facility) => (types === null || types.has(facility.type)) && (regions === null || regions.has(facility.regionCode));
}
