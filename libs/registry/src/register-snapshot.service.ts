import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  CAPACITY_ROWS_SQL,
  FACILITY_ROWS_ORDER,
  FACILITY_ROWS_SQL,
  type LoadedFacility,
  toCapacity,
  toLoadedFacility,
} from './facility-rows';

/**
 * The whole register for matching, cheaply: facility definitions change rarely (the register is
 * loaded or edited by an administrator), capacity changes all the time. So each process keeps the
 * definitions in memory, checks per call that they are still current (count and latest change of
 * the facilities table, one index-free aggregate), and reads only the capacity columns fresh.
 * Reading and parsing every column of every facility per match was most of its cost (npm run bench).
 */
@Injectable()
export class RegisterSnapshotService {
  private definitions: { stamp: string; facilities: LoadedFacility[] } | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every facility with its live capacity, in the register's stable order. */
  async all(): Promise<LoadedFacility[]> {
    const [{ stamp }]: { stamp: string }[] = await this.dataSource.query(
      `SELECT count(*)::text || '/' || coalesce(max(updated_at)::text, '') AS stamp FROM facilities`,
    );
    if (this.definitions?.stamp !== stamp) {
      const rows: Record<string, unknown>[] = await this.dataSource.query(`${FACILITY_ROWS_SQL} ${FACILITY_ROWS_ORDER}`);
      this.definitions = { stamp, facilities: rows.map(toLoadedFacility) };
    }
    const capacityRows: Record<string, unknown>[] = await this.dataSource.query(CAPACITY_ROWS_SQL);
    const capacities = new Map(capacityRows.map((row) => [row.id as string, toCapacity(row)]));
    const result: LoadedFacility[] = [];
    for (const facility of this.definitions.facilities) {
      const capacity = capacities.get(facility.id);
      if (capacity) result.push({ ...facility, capacity });
    }
    return result;
  }
}
