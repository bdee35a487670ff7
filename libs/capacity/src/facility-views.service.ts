import { Inject, Injectable } from '@nestjs/common';
import type { Viewer } from '@opvangplek/access';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock, InvalidInputError } from '@opvangplek/platform';
import {
  assertFacilityId,
  facilityView,
  type FacilityModel,
  intakeMemo,
  isAnonymousTo,
  type LoadedFacility,
  mayKnowCounts,
  mayKnowLocation,
} from '@opvangplek/registry';
import { type FacilityQuery, RegisterReader } from './register-reader';

const MAX_FILTER_VALUES = 100;

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

/** Facilities with their live capacity (RegisterReader), as one caller may see them. */
@Injectable()
export class FacilityViews {
  constructor(
    private readonly reader: RegisterReader,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async facilities(viewer: Viewer, query: FacilityQuery = {}): Promise<FacilityModel[]> {
    if ((query.regionCodes?.length ?? 0) > MAX_FILTER_VALUES) {
      throw new InvalidInputError('filter.regionCodes', `filter.regionCodes may hold at most ${MAX_FILTER_VALUES} codes`);
    }
    query.ids?.forEach((id) => assertFacilityId(id, 'id'));
    const now = this.clock.now();
    const intakeOf = intakeMemo(now);
    return inShownOrder(
      (await this.reader.load(query)).map((facility) =>
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
   * count moving seconds after a request ties that request to the facility; its staff still follow
   * it. No database: a feed reads a changed facility once and derives every subscriber's view from
   * that one row (issue 12: 300 subscribers made a change cost 300 reads).
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
}
