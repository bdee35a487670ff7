import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type OpeningHours, RegisterIndex } from '@opvangplek/domain';
import type { DataSource } from 'typeorm';
import {
  FACILITY_DEFINITION_COLUMNS,
  FACILITY_DEFINITION_FROM,
  FACILITY_DEFINITION_ORDER,
  type FacilityDefinitionRecord,
  type FacilityDefinitionRow,
  REGISTER_STAMP_SQL,
  toFacilityDefinition,
} from './facility-definitions';

export interface RegisterDefinitions {
  /** The register's version (register_version) when these were read. */
  stamp: string;
  /** In the register's stable order (FACILITY_DEFINITION_ORDER). */
  facilities: readonly FacilityDefinitionRow[];
  /** Each facility's place in `facilities`, by id. */
  positionOf: ReadonlyMap<string, number>;
  /** The same facilities in the matcher's order, grouped into eligibility classes. */
  index: RegisterIndex<FacilityDefinitionRow>;
  /** The facilities of each region, in the register's order; regions in that order too. */
  byRegion: ReadonlyMap<string, readonly FacilityDefinitionRow[]>;
}

/**
 * The register's facility definitions, kept in memory per process: definitions change rarely (the
 * register is loaded or edited by an administrator), capacity changes all the time. Whoever reads
 * them with live counts (`@opvangplek/capacity`'s RegisterReader) reads the register's version in the
 * same statement as the counts and asks again with `verify` when it differs. Reading and parsing
 * every column of every facility per request was most of a match's or a list's cost (npm run bench).
 *
 * The definitions are also kept as a RegisterIndex (eligibility classes), so a match can screen the
 * register without capacity and read live capacity only where it matters.
 *
 * Public (the lib's index, RegistryModule's exports) for capacity's RegisterReader alone, which
 * reads the counts beside it; every other reader asks RegistryService (is a facility in the
 * register) or RegisterReader (facilities with their counts).
 */
@Injectable()
export class RegisterDefinitionsCache {
  private cached: RegisterDefinitions | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The definitions. `verify: true` (the default) first checks the register's version; `false`
   * returns the cached ones unchecked (the caller checks the version it read beside its counts)
   * and reads only when there are none.
   */
  async definitions(options: { verify?: boolean } = {}): Promise<RegisterDefinitions> {
    if (this.cached && options.verify === false) return this.cached;
    const [{ stamp }]: { stamp: string }[] = await this.dataSource.query(REGISTER_STAMP_SQL);
    if (this.cached?.stamp !== stamp) this.cached = await this.load(stamp);
    return this.cached;
  }

  private async load(stamp: string): Promise<RegisterDefinitions> {
    const rows: FacilityDefinitionRecord[] = await this.dataSource.query(
      `SELECT ${FACILITY_DEFINITION_COLUMNS} FROM ${FACILITY_DEFINITION_FROM} ${FACILITY_DEFINITION_ORDER}`,
    );
    // Equal schedules become one object, so per-call memos of opening times hit across facilities.
    const schedules = new Map<string, OpeningHours>();
    const facilities = rows.map((row) => {
      const definition = toFacilityDefinition(row);
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
    const positionOf = new Map(facilities.map((facility, position) => [facility.id, position]));
    return { stamp, facilities, positionOf, index: new RegisterIndex(facilities), byRegion };
  }
}
