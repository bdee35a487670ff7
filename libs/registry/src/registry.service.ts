import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Viewer } from '@opvangplek/access';
import { availablePlaces, ShelterType } from '@opvangplek/domain';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock, assertUuid, InvalidInputError } from '@opvangplek/platform';
import type { DataSource } from 'typeorm';
import { FACILITY_ROWS_ORDER, FACILITY_ROWS_SQL, type LoadedFacility, toLoadedFacility } from './facility-rows';
import { facilityView, intakeMemo, isAnonymousTo } from './facility-view.mapper';
import { mayKnowCounts } from './capacity-disclosure';
import { mayKnowLocation } from './location-disclosure';
import {
  type FacilityDefinitionRow,
  type RegisterDefinitions,
  RegisterSnapshotService,
  toCapacityEntity,
} from './register-snapshot.service';
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

/**
 * The register's order as the caller sees it: by region, kind and the name shown to them. Ordered
 * by the real name, an anonymous facility between "De Regenboog" and "De Toevlucht" gives away
 * that its hidden name lies between them (red team F3); among themselves, anonymous ones follow
 * their id, which says nothing.
 */
function inShownOrder(facilities: FacilityModel[]): FacilityModel[] {
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return facilities.sort(
    (a, b) => byText(a.region.code, b.region.code) || byText(a.type, b.type) || byText(a.name, b.name) || byText(a.id, b.id),
  );
}

/** Reads the register: regions and facilities with their live capacity, as one caller may see them. */
@Injectable()
export class RegistryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly snapshot: RegisterSnapshotService,
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
    const now = this.clock.now();
    const intakeOf = intakeMemo(now);
    return inShownOrder(
      (await this.load(query)).map((facility) =>
        facilityView(facility, {
          now,
          freshnessPolicy: this.config.freshness,
          mayKnowLocation: mayKnowLocation(viewer, facility),
          mayKnowCounts: mayKnowCounts(viewer, facility),
          intakeOf,
        }),
      ),
    );
  }

  async facility(viewer: Viewer, id: string): Promise<FacilityModel | null> {
    assertFacilityId(id, 'id');
    const [facility] = await this.facilities(viewer, { ids: [id] });
    return facility ?? null;
  }

  /**
   * One facility for a live feed (capacityChanged), or null when the caller may not follow it: a
   * secret-address facility's own changes are not sent to whoever may not locate it, since a held
   * count moving seconds after a request ties that request to the facility. Its staff still follow it.
   */
  async facilityToFollow(viewer: Viewer, id: string): Promise<FacilityModel | null> {
    assertFacilityId(id, 'id');
    const [facility] = await this.loadJoined({ ids: [id] });
    return facility ? this.viewToFollow(viewer, facility, this.clock.now()) : null;
  }

  /**
   * `facilityToFollow` on a facility already read: no database, so a feed reads a changed facility
   * once and derives every subscriber's view from that one row (issue 12: 300 subscribers made a
   * change cost 300 reads).
   */
  viewToFollow(viewer: Viewer, facility: LoadedFacility, now: Date): FacilityModel | null {
    const locates = mayKnowLocation(viewer, facility);
    if (isAnonymousTo(facility, locates)) return null;
    return facilityView(facility, {
      now,
      freshnessPolicy: this.config.freshness,
      mayKnowLocation: locates,
      mayKnowCounts: mayKnowCounts(viewer, facility),
    });
  }

  /**
   * Facility, region and capacity, filtered, in the register's stable order. From the definitions
   * each process keeps (RegisterSnapshotService) and one read of the live capacity of those the
   * filter keeps, which also returns the register's version: definitions of another version are
   * read again. Parsing every column of every row per request was most of a list's cost. Falls back
   * to one SQL join when the register keeps changing under it or a facility has no capacity row;
   * facilities asked for by id are read with that join at once.
   */
  async load(query: FacilityQuery): Promise<LoadedFacility[]> {
    // A few facilities by id (a placement's view) are cheaper by primary key than by a capacity scan.
    if (query.ids) return this.loadJoined(query);
    const wanted = facilityFilter(query);
    for (let attempt = 0; attempt < 2; attempt++) {
      const definitions = await this.snapshot.definitions({ verify: attempt > 0 });
      const chosen = candidatesOf(definitions, query).filter(wanted);
      // capacityOf wants ascending ids (a uuid's text sorts like the uuid) and answers in that order.
      const ids = chosen.map((facility) => facility.id).sort();
      const read = await this.snapshot.capacityOf(ids);
      if (read.stamp !== definitions.stamp) continue;
      if (read.rows.length !== ids.length) break;
      const capacityOf = new Map(ids.map((id, i) => [id, read.rows[i]]));
      const loaded = chosen.map(
        (definition) =>
          ({ ...definition, capacity: toCapacityEntity(definition.id, capacityOf.get(definition.id)!) }) as LoadedFacility,
      );
      return query.availableOnly ? loaded.filter((facility) => availablePlaces(facility.capacity) > 0) : loaded;
    }
    return this.loadJoined(query);
  }

  /** The same answer as `load`, in one query: facility, region and capacity joined, filtered in SQL. */
  async loadJoined(query: FacilityQuery): Promise<LoadedFacility[]> {
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

/** The definitions a query can keep, in the register's order: only its regions' when it names regions. */
function candidatesOf(definitions: RegisterDefinitions, query: FacilityQuery): readonly FacilityDefinitionRow[] {
  if (!query.regionCodes?.length) return definitions.facilities;
  // byRegion holds the regions in the register's order: walking it keeps that order.
  const named = new Set(query.regionCodes);
  return [...definitions.byRegion].filter(([code]) => named.has(code)).flatMap(([, facilities]) => facilities);
}

/** `loadJoined`'s WHERE clause, but ids (read with the join) and capacity, as a test on a cached definition. */
function facilityFilter(query: FacilityQuery): (facility: FacilityDefinitionRow) => boolean {
  const types = query.types?.length ? new Set<string>(query.types) : null;
  const regions = query.regionCodes?.length ? new Set(query.regionCodes) : null;
  return (facility) => (types === null || types.has(facility.type)) && (regions === null || regions.has(facility.regionCode));
}
