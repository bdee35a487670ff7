import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type CapacityCounts, type OpeningHours, RegisterIndex } from '@opvangplek/domain';
import { types as pgTypes } from 'pg';
import type { DataSource } from 'typeorm';
import type { CapacityEntity } from './capacity.entity';
import {
  CAPACITY_ROWS_SQL,
  FACILITY_ROWS_ORDER,
  FACILITY_ROWS_SQL,
  type LoadedFacility,
  toCapacity,
  toLoadedFacility,
} from './facility-rows';

/** A facility's definition: everything but its live capacity. */
export type FacilityDefinitionRow = Omit<LoadedFacility, 'capacity'>;

export interface RegisterDefinitions {
  /** The register's version (register_version) when these were read. */
  stamp: string;
  /** In the register's stable order (FACILITY_ROWS_ORDER). */
  facilities: readonly FacilityDefinitionRow[];
  /** The same facilities in the matcher's order, grouped into eligibility classes. */
  index: RegisterIndex<FacilityDefinitionRow>;
  /** The facilities of each region, in the register's order; regions in that order too. */
  byRegion: ReadonlyMap<string, readonly FacilityDefinitionRow[]>;
}

/**
 * A capacity row as `capacityFor` reads it: the counts (a CapacityCounts) and the confirmation
 * instant, as the matcher takes them, plus what a facility view shows.
 */
export interface LiveCapacityRow extends CapacityCounts {
  version: number;
  /** When any count last changed, as PostgreSQL wrote it (parsed only for the facilities shown). */
  updatedText: string;
  /** When staff last vouched for the counts; `null` = never. */
  confirmedAt: Date | null;
}

/** Live capacity of some facilities, and of the whole register in numbers, read in one statement. */
export interface CapacityRead {
  /** The capacity rows of the ids asked for, in id order (see `capacityFor`). */
  rows: LiveCapacityRow[];
  /** Capacity rows in the whole register. */
  facilities: number;
  /**
   * Facilities in the whole register with fewer free places than the group needs; those whose
   * counts are withheld from the asker (`capacityFor`'s `withheldIds`) with no free place.
   */
  withoutRoom: number;
  /** The register's version in the same snapshot: definitions read with another are out of date. */
  stamp: string;
}

/** The capacity entity a facility view shows, from a row `capacityFor` read. */
export function toCapacityEntity(facilityId: string, row: LiveCapacityRow): CapacityEntity {
  return {
    facilityId,
    total: row.total,
    occupied: row.occupied,
    held: row.held,
    outOfService: row.outOfService,
    version: row.version,
    updatedAt: parseTimestamptz(row.updatedText),
    confirmedAt: row.confirmedAt,
  };
}

/** The register's version (migration RegisterVersion: bumped by every write to facilities or regions). */
const STAMP_SQL = `SELECT version::text AS stamp FROM register_version`;

/** The parser pg itself applies to timestamptz columns: the same Date as a plain column read gives. */
const parseTimestamptz = pgTypes.getTypeParser(1184, 'text') as (text: string) => Date;

/** The capacity rows aggregated into one text, a line each in id order (parseCapacityLines reads it). */
const CAPACITY_LINES = `string_agg(concat_ws(',', c.total, c.occupied, c.held, c.out_of_service, c.version,
  c.updated_at::text, coalesce(c.confirmed_at::text, '')), E'\n' ORDER BY c.facility_id)`;

/** The facilities listed in $1, comma-separated ids. */
const LISTED_IDS = `c.facility_id = ANY(string_to_array($1, ',')::uuid[])`;

/**
 * One row, from one scan of the capacity table (one snapshot): the capacity of the facilities listed
 * in $1 (comma-separated ids: one string binds far cheaper than an array of thousands), packed into
 * one text, a line per facility in id order (`total,occupied,held,out_of_service,version,updated_at,
 * confirmed_at`, instants in PostgreSQL's text form, the one pg parses a timestamptz column from,
 * and an empty confirmed_at for never): a page's candidates can be thousands, and splitting one text
 * costs the API a fraction of parsing as many result rows; then the totals over the whole register:
 * how many capacity rows, how many without room for a group of $2 (the capacity rule's arithmetic:
 * max(0, total − occupied − held − out of service) < group; < 1 for the facilities listed in $3,
 * whose counts the asker may not see: capacity.rule.ts `roomAskedFor`, issue 12), and the register's
 * version.
 */
const CAPACITY_FOR_SQL = `
  SELECT
    ${CAPACITY_LINES} FILTER (WHERE ${LISTED_IDS}) AS rows,
    count(*)::int AS facilities,
    (count(*) FILTER (WHERE greatest(0, c.total - c.occupied - c.held - c.out_of_service)
      < CASE WHEN c.facility_id = ANY(string_to_array($3, ',')::uuid[]) THEN 1 ELSE $2 END))::int AS "withoutRoom",
    (${STAMP_SQL}) AS stamp
  FROM capacity c`;

/** `CAPACITY_FOR_SQL` without the register's totals: the rows of $1 by primary key, and the version. */
const CAPACITY_OF_SQL = `
  SELECT
    (SELECT ${CAPACITY_LINES} FROM capacity c WHERE ${LISTED_IDS}) AS rows,
    (${STAMP_SQL}) AS stamp`;

/**
 * The whole register for matching, cheaply: facility definitions change rarely (the register is
 * loaded or edited by an administrator), capacity changes all the time. So each process keeps the
 * definitions in memory, checks per call that they are still current (the register's version, one
 * row that every write to facilities or regions bumps), and reads only the capacity columns fresh.
 * Reading and parsing every column of every facility per match was most of its cost (npm run bench).
 *
 * The definitions are also kept as a RegisterIndex (eligibility classes), so a match can screen the
 * register without capacity and read live capacity only where it matters (`capacityFor`).
 */
@Injectable()
export class RegisterSnapshotService {
  private cached: RegisterDefinitions | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The definitions. `verify: true` (the default) first checks the stamp; `false` returns the cached
   * ones unchecked (the caller checks the stamp `capacityFor` returns) and reads only when there are none.
   */
  async definitions(options: { verify?: boolean } = {}): Promise<RegisterDefinitions> {
    if (this.cached && options.verify === false) return this.cached;
    const [{ stamp }]: { stamp: string }[] = await this.dataSource.query(STAMP_SQL);
    if (this.cached?.stamp !== stamp) this.cached = await this.load(stamp);
    return this.cached;
  }

  private async load(stamp: string): Promise<RegisterDefinitions> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(`${FACILITY_ROWS_SQL} ${FACILITY_ROWS_ORDER}`);
    // Equal schedules become one object, so per-call memos of opening times hit across facilities.
    const schedules = new Map<string, OpeningHours>();
    const facilities = rows.map((row) => {
      const { capacity: _stale, ...definition } = toLoadedFacility(row);
      const hours = definition.intakeHours;
      if (hours !== null) {
        const key = JSON.stringify(hours);
        const shared = schedules.get(key);
        if (shared) definition.intakeHours = shared;
        else schedules.set(key, hours);
      }
      return definition;
    });
    // The register's order begins with the region code, so each region's facilities are one run.
    const byRegion = new Map<string, FacilityDefinitionRow[]>();
    for (const facility of facilities) {
      const run = byRegion.get(facility.regionCode);
      if (run) run.push(facility);
      else byRegion.set(facility.regionCode, [facility]);
    }
    return { stamp, facilities, index: new RegisterIndex(facilities), byRegion };
  }

  /** Every facility with its live capacity, in the register's stable order. */
  async all(): Promise<LoadedFacility[]> {
    const { facilities } = await this.definitions();
    const capacityRows: Record<string, unknown>[] = await this.dataSource.query(CAPACITY_ROWS_SQL);
    const capacities = new Map(capacityRows.map((row) => [row.id as string, toCapacity(row)]));
    const result: LoadedFacility[] = [];
    for (const facility of facilities) {
      const capacity = capacities.get(facility.id);
      if (capacity) result.push({ ...facility, capacity } as LoadedFacility);
    }
    return result;
  }

  /**
   * Live capacity of `ids`, which must ascend (as the matcher orders facilities: a uuid's text sorts
   * like the uuid), with the register's totals and stamp, in one statement (one snapshot). The
   * rows come back in id order without their ids: when every id has a row (`rows.length ===
   * ids.length`), `rows[i]` is the capacity of `ids[i]`; when some has none, `rows` is shorter and
   * cannot be matched up (the caller falls back). `withheldIds`: the facilities whose counts the
   * asker may not see, counted in `withoutRoom` only when they have no free place at all.
   */
  async capacityFor(ids: readonly string[], groupSize: number, withheldIds: readonly string[] = []): Promise<CapacityRead> {
    const [read]: { rows: string | null; facilities: number; withoutRoom: number; stamp: string }[] = await this.dataSource.query(
      CAPACITY_FOR_SQL,
      [ids.join(','), groupSize, withheldIds.join(',')],
    );
    return { rows: parseCapacityLines(read.rows), facilities: read.facilities, withoutRoom: read.withoutRoom, stamp: read.stamp };
  }

  /**
   * `capacityFor` without the register's totals, for a list that needs none: its rows by primary
   * key instead of a scan of the whole capacity table, and the register's version.
   */
  async capacityOf(ids: readonly string[]): Promise<Pick<CapacityRead, 'rows' | 'stamp'>> {
    const [read]: { rows: string | null; stamp: string }[] = await this.dataSource.query(CAPACITY_OF_SQL, [ids.join(',')]);
    return { rows: parseCapacityLines(read.rows), stamp: read.stamp };
  }
}

/** The lines of a capacity read (see CAPACITY_FOR_SQL), in their order; equal instants parsed once. */
function parseCapacityLines(text: string | null): LiveCapacityRow[] {
  const instants = new Map<string, Date>();
  return (text === null ? [] : text.split('\n')).map((line): LiveCapacityRow => {
    const [total, occupied, held, outOfService, version, updatedText, confirmed] = line.split(',');
    let confirmedAt = confirmed === '' ? null : instants.get(confirmed);
    if (confirmedAt === undefined) instants.set(confirmed, (confirmedAt = parseTimestamptz(confirmed)));
    return {
      total: Number(total),
      occupied: Number(occupied),
      held: Number(held),
      outOfService: Number(outOfService),
      version: Number(version),
      updatedText,
      confirmedAt,
    };
  });
}
