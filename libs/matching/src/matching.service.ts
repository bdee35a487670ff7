import { Inject, Injectable } from '@nestjs/common';
import { audit } from '@opvangplek/access/audit/audit';
import type { Viewer } from '@opvangplek/access/viewer';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  type ExclusionCode,
  type GeoPoint,
  matchFacilities,
  matchingConfig,
  type MatchingConfig,
  type MatchResult,
  validateProfile,
  type VictimProfile,
} from '@opvangplek/domain';
import { APP_CONFIG, type AppConfig } from '@opvangplek/platform/config';
import { CLOCK, type Clock } from '@opvangplek/platform/clock';
import { InvalidInputError } from '@opvangplek/platform/errors';
import { toFacilitySnapshot } from '@opvangplek/registry/facility-snapshot.mapper';
import { facilityView } from '@opvangplek/registry/facility-view.mapper';
import { mayKnowLocation } from '@opvangplek/registry/location-disclosure';
import { RegisterSnapshotService } from '@opvangplek/registry/register-snapshot.service';
import type { RegionEntity } from '@opvangplek/registry/region.entity';
import { type LoadedFacility, RegistryService } from '@opvangplek/registry/registry.service';
import type { MatchOptionsInput } from './dto/match-options.input';
import type { VictimProfileInput } from './dto/victim-profile.input';
import type { MatchResultModel } from './models/match-result.model';

/** How far from now `options.at` may be: far enough to plan a raid, near enough to catch a typo. */
const MAX_EVALUATION_OFFSET_MS = 366 * 24 * 3_600_000;
const MAX_LIST = 100_000;

/** The matcher's answer together with the rows it was computed from (the placement workflow takes a hold on one). */
export interface Match {
  result: MatchResult;
  facilities: Map<string, LoadedFacility>;
  at: Date;
}

/**
 * Answers "which places can take this person, which now, which best, and why not the others"
 * (issue: matching). Reads the register once, runs the pure matcher, and never stores the profile.
 */
@Injectable()
export class MatchingService {
  private readonly matchingConfig: MatchingConfig;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: RegistryService,
    private readonly register: RegisterSnapshotService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.matchingConfig = matchingConfig({ freshness: config.freshness });
  }

  /** Validates the profile for `at`; throws BAD_USER_INPUT naming the first offending field. */
  assertValidProfile(profile: VictimProfile, at: Date, prefix = 'profile'): void {
    const violations = validateProfile(profile, at);
    if (violations.length > 0) {
      const [first] = violations;
      const more =
        violations.length > 1
          ? ` (and ${violations.length - 1} more: ${violations
              .slice(1)
              .map((v) => v.field)
              .join(', ')})`
          : '';
      throw new InvalidInputError(`${prefix}.${first.field}`, `${prefix}.${first.field}: ${first.message}${more}`);
    }
  }

  /**
   * The match as the domain computed it, with the loaded rows; for callers inside the service.
   * `mayLocate` says whose exact position the ranking may use: a secret-address facility the
   * caller may not locate is ranked from its region's centre, because distances and scores asked
   * from many regions would otherwise triangulate it (domain.md §6: "region only").
   */
  async match(
    profile: VictimProfile,
    options: {
      at: Date;
      requesterRegionCode?: string | null;
      mayLocate?: (facility: LoadedFacility) => boolean;
      /** The regions, when the caller has read them already. */
      regions?: RegionEntity[];
    },
  ): Promise<Match> {
    const [loaded, regions] = await Promise.all([this.register.all(), options.regions ?? this.registry.regions()]);
    const regionCentroids: Record<string, GeoPoint> = Object.fromEntries(
      regions.map((region) => [region.code, { latitude: region.latitude, longitude: region.longitude }]),
    );
    const mayLocate = options.mayLocate ?? (() => true);
    const snapshots = loaded.map((facility) => {
      const snapshot = toFacilitySnapshot(facility);
      if (!facility.secretAddress || mayLocate(facility)) return snapshot;
      const centre = regionCentroids[facility.regionCode];
      return centre ? { ...snapshot, ...centre } : snapshot;
    });
    const result = matchFacilities({
      profile,
      facilities: snapshots,
      at: options.at,
      requesterRegionCode: options.requesterRegionCode ?? null,
      regionCentroids,
      authorityHours: this.config.authorityHours,
      config: this.matchingConfig,
    });
    return { result, facilities: new Map(loaded.map((facility) => [facility.id, facility])), at: options.at };
  }

  /** The `matchFacilities` query. */
  async matchForViewer(viewer: Viewer, input: VictimProfileInput, options: MatchOptionsInput = {}): Promise<MatchResultModel> {
    const now = this.clock.now();
    const at = options.at ?? now;
    if (Math.abs(at.getTime() - now.getTime()) > MAX_EVALUATION_OFFSET_MS) {
      throw new InvalidInputError('options.at', 'options.at must be within a year of now');
    }
    for (const field of ['first', 'excludedFirst'] as const) {
      const value = options[field];
      if (value != null && (value < 0 || value > MAX_LIST)) {
        throw new InvalidInputError(`options.${field}`, `options.${field} must be from 0 to ${MAX_LIST}`);
      }
    }
    const profile: VictimProfile = { ...input };
    // Facts about the past (a bedenktijd start) are checked against the real now, not options.at.
    this.assertValidProfile(profile, now);
    const requesterRegionCode = options.requesterRegionCode ?? viewer.regions[0] ?? null;
    const regions = await this.registry.regions();
    if (options.requesterRegionCode != null && !regions.some((r) => r.code === options.requesterRegionCode)) {
      throw new InvalidInputError(
        'options.requesterRegionCode',
        `options.requesterRegionCode "${options.requesterRegionCode.slice(0, 20)}" is not a region; see the regions query`,
      );
    }
    const { result, facilities } = await this.match(profile, {
      at,
      requesterRegionCode,
      mayLocate: (facility) => mayKnowLocation(viewer, facility),
      regions,
    });
    // The fact that a profile was matched, by whom: never the profile itself (it is not stored).
    await audit(this.dataSource.manager, viewer, { action: 'profile.match', detail: `${result.matches.length} matches` }, now);

    const view = (id: string) => {
      const facility = facilities.get(id)!;
      return facilityView(facility, {
        now: at,
        freshnessPolicy: this.config.freshness,
        mayKnowLocation: mayKnowLocation(viewer, facility),
      });
    };
    const summary = new Map<ExclusionCode, number>();
    for (const exclusion of result.excluded) {
      for (const code of new Set(exclusion.reasons.map((reason) => reason.code))) summary.set(code, (summary.get(code) ?? 0) + 1);
    }
    return {
      matches: result.matches.slice(0, options.first ?? undefined).map((match) => ({
        facility: view(match.facility.id),
        score: match.score,
        placeableNow: match.placeableNow,
        placeableAt: match.placeableAt,
        reasons: match.reasons,
        freshness: match.freshness,
        distanceKm: match.distanceKm,
      })),
      excluded: result.excluded.slice(0, options.excludedFirst ?? undefined).map((exclusion) => ({
        facility: view(exclusion.facility.id),
        reasons: exclusion.reasons.map(({ code, message }) => ({ code, message })),
      })),
      advice: result.advice.map((advice) => ({ ...advice })),
      matchCount: result.matches.length,
      excludedCount: result.excluded.length,
      exclusionSummary: [...summary].sort(([a], [b]) => a.localeCompare(b)).map(([code, count]) => ({ code, facilities: count })),
      evaluatedAt: at,
    };
  }
}
