import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Viewer } from '@opvangplek/access/viewer';
import { ShelterType } from '@opvangplek/domain';
import { APP_CONFIG, type AppConfig } from '@opvangplek/platform/config';
import { CLOCK, type Clock } from '@opvangplek/platform/clock';
import { assertUuid, InvalidInputError } from '@opvangplek/platform/errors';
import type { DataSource } from 'typeorm';
import { FACILITY_ROWS_ORDER, FACILITY_ROWS_SQL, type LoadedFacility, toLoadedFacility } from './facility-rows';
import { facilityView, intakeMemo } from './facility-view.mapper';
import { mayKnowLocation } from './location-disclosure';
import type { FacilityModel } from './models/facility.model';
import { RegionEntity } from './region.entity';

export type { LoadedFacility };

export interface FacilityQuery {
  types?: ShelterType[] | null;
  regionCodes?: string[] | null;
  availableOnly?: boolean | null;
  ids?: string[];
}

const MAX_FILTER_VALUES = 100;

/** Checks a facility id's shape before it reaches SQL, so a typo is a clear error, not a database one. */
export function assertFacilityId(id: string, field: string): void {
  assertUuid(id, field, 'a facility id');
}

/** Reads the register: regions and facilities with their live capacity, as one caller may see them. */
@Injectable()
export class RegistryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  regions(): Promise<RegionEntity[]> {
    return this.dataSource.getRepository(RegionEntity).find({ order: { code: 'ASC' } });
  }

  async facilities(viewer: Viewer, query: FacilityQuery = {}): Promise<FacilityModel[]> {
    if ((query.regionCodes?.length ?? 0) > MAX_FILTER_VALUES) {
      throw new InvalidInputError('filter.regionCodes', `filter.regionCodes may hold at most ${MAX_FILTER_VALUES} codes`);
    }
    query.ids?.forEach((id) => assertFacilityId(id, 'id'));
    const rows = await this.load(query);
    const now = this.clock.now();
    const intakeOf = intakeMemo(now);
    return rows.map((facility) =>
      facilityView(facility, {
        now,
        freshnessPolicy: this.config.freshness,
        mayKnowLocation: mayKnowLocation(viewer, facility),
        intakeOf,
      }),
    );
  }

  async facility(viewer: Viewer, id: string): Promise<FacilityModel | null> {
    assertFacilityId(id, 'id');
    const [facility] = await this.facilities(viewer, { ids: [id] });
    return facility ?? null;
  }

  /** One query: facility, region and capacity joined, filtered in SQL, in a stable order. */
  async load(query: FacilityQuery): Promise<LoadedFacility[]> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const bind = (value: unknown) => `$${parameters.push(value)}`;
    if (query.ids) conditions.push(`f.id = ANY(${bind(query.ids)}::uuid[])`);
    if (query.types?.length) conditions.push(`f.type = ANY(${bind(query.types)}::shelter_type[])`);
    if (query.regionCodes?.length) conditions.push(`f.region_code = ANY(${bind(query.regionCodes)}::text[])`);
    if (query.availableOnly) conditions.push('c.total - c.occupied - c.held - c.out_of_service > 0');
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `${FACILITY_ROWS_SQL} ${where} ${FACILITY_ROWS_ORDER}`,
      parameters,
    );
    return rows.map(toLoadedFacility);
  }
}
