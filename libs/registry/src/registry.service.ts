import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertUuid } from '@opvangplek/platform';
import type { DataSource } from 'typeorm';
import { RegionEntity } from './region.entity';
import { RegisterDefinitionsCache } from './register-definitions.service';

/** Checks a facility id's shape before it reaches SQL, so a typo is a clear error, not a database one. */
export function assertFacilityId(id: string, field: string): void {
  assertUuid(id, field, 'a facility id');
}

/**
 * Reads the register's regions, and whether facilities are in it. Facilities with their live
 * capacity are read through `@opvangplek/capacity` (RegisterReader, FacilityViews), which owns the
 * counts.
 */
@Injectable()
export class RegistryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly definitions: RegisterDefinitionsCache,
  ) {}

  regions(): Promise<RegionEntity[]> {
    return this.dataSource.getRepository(RegionEntity).find({ order: { code: 'ASC' } });
  }

  /** Those of `ids` that name no facility of the register (ids as the register spells them), in the order given. */
  async unknownFacilityIds(ids: readonly string[]): Promise<string[]> {
    const { positionOf } = await this.definitions.definitions();
    return ids.filter((id) => !positionOf.has(id));
  }
}
