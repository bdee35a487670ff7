import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertUuid } from '@opvangplek/platform';
import type { DataSource } from 'typeorm';
import { RegionEntity } from './region.entity';

/** Checks a facility id's shape before it reaches SQL, so a typo is a clear error, not a database one. */
export function assertFacilityId(id: string, field: string): void {
  assertUuid(id, field, 'a facility id');
}

/**
 * Reads the register's regions. Facilities with their live capacity are read through
 * `@opvangplek/capacity` (RegisterReader, FacilityViews), which owns the counts.
 */
@Injectable()
export class RegistryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  regions(): Promise<RegionEntity[]> {
    return this.dataSource.getRepository(RegionEntity).find({ order: { code: 'ASC' } });
  }
}
