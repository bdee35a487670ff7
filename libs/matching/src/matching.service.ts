import { Inject, Injectable } from '@nestjs/common';
import { audit, type Viewer } from '@opvangplek/access';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  previewGroupAllocation,
  placementKindOf,
  AuthorityVerdict,
  DEFAULT_AUTHORITY_TABLE,
  mayAssignKind,
  type RequesterCapacity,
  requesterCapacities,
  capacityNeeded,
  ExclusionCode,
  type ExclusionEvidence,
  exclusionEvidence,
  findNextOpening,
  isOpen,
  type GeoPoint,
  groupSizeOf,
  matchFacilities,
  matchingConfig,
  type MatchingConfig,
  DEFAULT_RANKING_WEIGHTS,
  type MatchPage,
  matchPage,
  type MatchResult,
  screenRegister,
  screeningOfKinds,
  type ShelterType,
  validateMunicipalities,
  validateProfile,
  type VictimProfile,
  type ExclusionReason,
  type FacilitySnapshot,
  placeMisfits,
  onwardAfterProfileChange,
  type OnwardReevaluation,
} from '@opvangplek/domain';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock, InvalidInputError } from '@opvangplek/platform';
import { type LiveCapacityRow, RegisterReader } from '@opvangplek/capacity';
import {
  toFacilitySnapshot,
  facilityView,
  intakeMemo,
  mayKnowCounts,
  mayKnowLocation,
  MunicipalityDirectoryService,
  type FacilityDefinitionRow,
  RegionDirectory,
  type RegionEntity,
  type LoadedFacility,
} from '@opvangplek/registry';
import type { MatchOptionsInput } from './dto/match-options.input';
import { MatchedFacilities } from './matched-facilities';
import type { VictimProfileInput } from './dto/victim-profile.input';
import type { MatchResultModel } from './models/match-result.model';
import { ResponsivenessFigures } from './responsiveness-figures';

/** How far from now `options.at` may be: far enough to plan a raid, near enough to catch a typo. */
const MAX_EVALUATION_OFFSET_MS = 366 * 24 * 3_600_000;
const MAX_LIST = 100_000;

/** One page of the matcher's answer, with a way to the loaded row of every facility on it. */
interface PagedMatch {
  page: MatchPage;
  facility(id: string): LoadedFacility;
  /** What a placement decision needs of all the exclusions, including those not on the page. */
  evidence: ExclusionEvidence;
}

function centroidsOf(regions: readonly RegionEntity[]): Record<string, GeoPoint> {
  return Object.fromEntries(regions.map((region) => [region.code, { latitude: region.latitude, longitude: region.longitude }]));
}

/** The matcher's answer together with the rows it was computed from (the placement workflow takes a hold on one). */
export interface Match {
  result: MatchResult;
  facilities: Map<string, LoadedFacility>;
  at: Date;
  /** What a placement decision needs of the exclusions (all the more when `result.excluded` is left out). */
  evidence?: ExclusionEvidence;
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
    private readonly register: RegisterReader,
    private readonly regionDirectory: RegionDirectory,
    private readonly municipalities: MunicipalityDirectoryService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly responsiveness: ResponsivenessFigures,
  ) {
    this.matchingConfig = matchingConfig({
      freshness: config.freshness,
      ranking: { ...DEFAULT_RANKING_WEIGHTS, responsiveness: responsiveness.weight },
    });
  }

  /**
   * Validates the profile for `at`, its municipalities against the list of 2026 (with the closest
   * names when one is unknown); throws BAD_USER_INPUT naming the first offending field.
   */
  assertValidProfile(profile: VictimProfile, at: Date, prefix = 'profile'): void {
    const violations = validateProfile(profile, at);
    const flagged = new Set(violations.map((violation) => violation.field));
    violations.push(
      ...validateMunicipalities(profile, this.municipalities.current()).filter((violation) => !flagged.has(violation.field)),
    );
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
   * The matcher's one entry for callers inside the service (the placement engine, an authority's
   * assignment, planned actions), on the same screened path and register reader as the
   * `matchFacilities` query (`matchPage`): the profile rules screen the cached definitions once per
   * eligibility class, and live capacity is read in one statement for what they let through. Same
   * answer as `matchWhole` (paged-match.e2e-spec.ts, match-page.property.spec.ts). `exclusions`:
   * `'all'` (the default) writes out every exclusion with its reasons, and the map holds every
   * facility; `'evidence'` (the placement engine, on every request, issue 16) writes out none, reads
   * no capacity for them, and gives only what a wait's reason needs of them (`evidence`); the map
   * then holds the matched facilities, the only ones a decision can hold.
   * `mayLocate` says whose exact position the ranking may use: a secret-address facility the
   * caller may not locate is ranked from its region's centre, because distances and scores asked
   * from many regions would otherwise triangulate it (domain.md §6: "region only").
   */
  async match(
    profile: VictimProfile,
    options: {
      at: Date;
      requesterRegionCode?: string | null;
      mayLocate?: (facility: LoadedFacility | FacilityDefinitionRow) => boolean;
      /** Whose exact counts the answer may show and rank by (MatchInput.countsShown); default all. */
      countsShown?: (facility: { id: string; secretAddress: boolean }) => boolean;
      /** The regions, when the caller has read them already. */
      regions?: RegionEntity[];
      /** The asker's capacities (authority.ts): advice names only what they may take. */
      capacities?: readonly RequesterCapacity[];
      exclusions?: 'all' | 'evidence';
      /** A question about these kinds only (`screeningOfKinds`): the others are neither matched nor excluded. */
      kinds?: readonly ShelterType[];
      /** Where she was found when her profile names no municipality (`forMatcher`). */
      foundInRegion?: string | null;
    },
  ): Promise<Match> {
    const all = (options.exclusions ?? 'all') === 'all';
    const { page, facility, evidence } = await this.matchPage(profile, {
      kinds: options.kinds,
      foundInRegion: options.foundInRegion,
      at: options.at,
      requesterRegionCode: options.requesterRegionCode ?? null,
      mayLocate: options.mayLocate ?? (() => true),
      countsShown: options.countsShown,
      regions: options.regions ?? (await this.regionDirectory.regions()),
      excludedFirst: all ? null : 0,
      capacities: options.capacities,
    });
    const shown = all ? [...page.matches, ...page.excluded] : page.matches;
    return {
      result: { matches: page.matches, excluded: all ? page.excluded : [], advice: page.advice },
      facilities: new MatchedFacilities(
        shown.map((shownMatch) => shownMatch.facility.id),
        facility,
      ),
      at: options.at,
      evidence,
    };
  }

  /**
   * The same answer as `match` with every exclusion, computed facility by facility over the whole
   * register read with its capacity: the reference the screened path is checked against, and its
   * fallback when the register changes under it or a facility has no capacity row.
   */
  async matchWhole(
    profile: VictimProfile,
    options: {
      at: Date;
      requesterRegionCode?: string | null;
      mayLocate?: (facility: LoadedFacility) => boolean;
      countsShown?: (facility: { id: string; secretAddress: boolean }) => boolean;
      regions?: RegionEntity[];
      capacities?: readonly RequesterCapacity[];
      kinds?: readonly ShelterType[];
      foundInRegion?: string | null;
    },
  ): Promise<Match> {
    profile = await this.forMatcher(profile, options.foundInRegion);
    const kinds = options.kinds ?? [];
    const [register, regions, responsiveness] = await Promise.all([
      this.register.all(),
      options.regions ?? this.regionDirectory.regions(),
      this.responsiveness.current(),
    ]);
    const loaded = kinds.length === 0 ? register : register.filter((facility) => kinds.includes(facility.type));
    const regionCentroids = centroidsOf(regions);
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
      capacities: options.capacities,
      countsShown: options.countsShown,
      responsiveness,
    });
    return { result, facilities: new Map(loaded.map((facility) => [facility.id, facility])), at: options.at };
  }

  /**
   * One page of the answer `match` gives, computed without the rest: the profile rules screen the
   * cached definitions once per eligibility class, live capacity is read (one statement) only for
   * the facilities they let through and for the excluded ones the page shows, with the register's
   * totals beside it, and reasons are written for the page only. Same answer, counts and summary as
   * `match` cut to the page (match-page.property.spec.ts); when the register changed in between, or a
   * facility has no capacity row, it falls back to `match`.
   */
  async matchPage(
    profile: VictimProfile,
    options: {
      at: Date;
      requesterRegionCode: string | null;
      mayLocate: (facility: LoadedFacility | FacilityDefinitionRow) => boolean;
      countsShown?: (facility: { id: string; secretAddress: boolean }) => boolean;
      regions: RegionEntity[];
      first?: number | null;
      excludedFirst?: number | null;
      capacities?: readonly RequesterCapacity[];
      /** A question about these kinds only (`screeningOfKinds`); the page's counts still count every kind. */
      kinds?: readonly ShelterType[];
      /** Where she was found when her profile names no municipality (`forMatcher`). */
      foundInRegion?: string | null;
    },
  ): Promise<PagedMatch> {
    profile = await this.forMatcher(profile, options.foundInRegion);
    const regionCentroids = centroidsOf(options.regions);
    const responsiveness = await this.responsiveness.current();
    const common = {
      profile,
      at: options.at,
      requesterRegionCode: options.requesterRegionCode,
      regionCentroids,
      authorityHours: this.config.authorityHours,
      config: this.matchingConfig,
      capacities: options.capacities,
      countsShown: options.countsShown,
      responsiveness,
    };
    // The profile rules screen the definitions; the reader reads live capacity of what they let
    // through (and of the excluded ones the page shows), with the register's totals, for the same
    // version of the register as the definitions screened.
    const read = await this.register.read(({ index }) => {
      const screening = screeningOfKinds(
        screenRegister(index, profile, options.at, this.matchingConfig),
        index,
        options.kinds ?? [],
      );
      // Ascending positions are ascending ids (the index is in the matcher's order, by id).
      const needed = capacityNeeded(screening, options.excludedFirst).sort((a, b) => a - b);
      // Secret facilities whose counts this asker may not see: the summary counts them without room
      // only when their band is NONE, as the matcher tells them (issue 12).
      const countsShown = options.countsShown;
      const withheld = countsShown ? index.facilities.filter((f) => f.secretAddress && !countsShown(f)).map((f) => f.id) : [];
      return {
        screening,
        needed,
        ids: needed.map((position) => index.facilities[position].id),
        totals: { groupSize: groupSizeOf(profile), withheldIds: withheld },
      };
    });
    // Every facility asked for has its row (read.rows[i] is the capacity of needed[i]), and every
    // facility of the register has one; otherwise the whole register is matched below.
    if (read?.totals && read.totals.facilities === read.definitions.index.size && read.rows.length === read.asked.needed.length) {
      const { index } = read.definitions;
      const { screening, needed } = read.asked;
      const live = new Array<LiveCapacityRow | undefined>(index.size);
      needed.forEach((position, i) => (live[position] = read.rows[i]));
      const page = matchPage({
        ...common,
        register: index,
        screening,
        capacity: (position) => live[position],
        withoutRoom: read.totals.withoutRoom,
        first: options.first,
        excludedFirst: options.excludedFirst,
        locate: (facility) => {
          const centre =
            facility.secretAddress && !options.mayLocate(facility) ? regionCentroids[facility.regionCode] : undefined;
          return centre ?? facility;
        },
      });
      // Candidates without room were excluded for that alone; a class the profile rules turned
      // away for the group's size alone was excluded for that (and perhaps room) alone.
      const someFull = page.matchCount < screening.candidates.length;
      const evidence: ExclusionEvidence = {
        onlyForCapacity: someFull,
        onlyForCapacityOrGroupSize:
          someFull ||
          screening.classReasons.some(
            (reasons) => reasons.length > 0 && reasons.every((reason) => reason.code === ExclusionCode.GROUP_SIZE),
          ),
      };
      return {
        page,
        evidence,
        facility: (id) => {
          const position = index.positionOf(id)!;
          return this.register.withCapacity(index.facilities[position], live[position]!);
        },
      };
    }
    // The profile is already the matcher's (forMatcher derives only from what it was given).
    const { result, facilities } = await this.matchWhole(profile, options);
    return {
      page: pageOf(result, options.first, options.excludedFirst),
      evidence: exclusionEvidence(result.excluded),
      facility: (id) => facilities.get(id)!,
    };
  }

  /** Why the facilities she holds places at no longer fit `profile` (empty: they fit), by the matcher's rules. */
  async misfits(
    profile: VictimProfile,
    facilities: readonly FacilitySnapshot[],
    at: Date,
    foundInRegion: string | null = null,
  ): Promise<ExclusionReason[]> {
    return placeMisfits(await this.forMatcher(profile, foundInRegion), facilities, at, this.matchingConfig);
  }

  /** What her changed profile means for an onward request (onwardAfterProfileChange). */
  async onwardAfterProfileChange(
    profile: VictimProfile,
    kindFacilities: readonly FacilitySnapshot[],
    interim: readonly FacilitySnapshot[] | null,
    at: Date,
    foundInRegion: string | null = null,
  ): Promise<OnwardReevaluation> {
    return onwardAfterProfileChange(
      await this.forMatcher(profile, foundInRegion),
      kindFacilities,
      interim,
      at,
      this.matchingConfig,
    );
  }

  /**
   * The profile as the matcher reads it: with `foundInRegionCode`, the region of foundInMunicipality
   * (null when not on the list), derived here and never taken from the profile given. Without a
   * municipality, `foundInRegion`: the region the service knows she was found in (the police
   * noodbed call's regionCode, `regionFoundIn`), else null. The found-in rule needs it (the pilot
   * noodbedden, 002:749-753).
   */
  private async forMatcher(profile: VictimProfile, foundInRegion: string | null = null): Promise<VictimProfile> {
    const found = profile.foundInMunicipality;
    const foundInRegionCode = found ? (await this.municipalities.directory()).regionOf(found) : foundInRegion;
    return { ...profile, foundInRegionCode };
  }

  /** The profile's region codes (home, excluded) must be regions of the register: a clear error naming the field. */
  async assertKnownRegions(profile: VictimProfile, prefix = 'profile'): Promise<void> {
    const codes: [string, string][] = [
      ...(profile.homeRegionCode ? [['homeRegionCode', profile.homeRegionCode] as [string, string]] : []),
      ...(profile.excludedRegionCodes ?? []).map((code, i) => [`excludedRegionCodes[${i}]`, code] as [string, string]),
    ];
    for (const [field, code] of codes) {
      if (!(await this.regionDirectory.isRegion(code)) && !(await this.regionDirectory.isRegion(code.toUpperCase()))) {
        throw new InvalidInputError(
          `${prefix}.${field}`,
          `${prefix}.${field} "${code.slice(0, 20)}" is not a region; see the regions query`,
        );
      }
    }
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
    await this.assertKnownRegions(profile);
    const requesterRegionCode = options.requesterRegionCode ?? viewer.regions[0] ?? null;
    if (options.requesterRegionCode != null && !(await this.regionDirectory.isRegion(options.requesterRegionCode))) {
      throw new InvalidInputError(
        'options.requesterRegionCode',
        `options.requesterRegionCode "${options.requesterRegionCode.slice(0, 20)}" is not a region; see the regions query`,
      );
    }
    return this.answer(viewer, profile, { at, requesterRegionCode, first: options.first, excludedFirst: options.excludedFirst });
  }

  /**
   * The contract's MatchResult for a valid profile, as this viewer may see it: advice and
   * `decision` from the viewer's capacities, secret places located only for those who may know.
   * `matchFacilities` and a decider's view of a request's candidates (placementCandidates) share it.
   */
  async answer(
    viewer: Viewer,
    profile: VictimProfile,
    options: {
      at: Date;
      requesterRegionCode: string | null;
      first?: number | null;
      excludedFirst?: number | null;
      requestId?: string;
    },
  ): Promise<MatchResultModel> {
    const now = this.clock.now();
    const { at, requesterRegionCode } = options;
    const capacities = requesterCapacities(viewer, requesterRegionCode ?? '');
    const { page, facility } = await this.matchPage(profile, {
      at,
      requesterRegionCode,
      mayLocate: (f) => mayKnowLocation(viewer, f),
      countsShown: (f) => mayKnowCounts(viewer, f),
      regions: await this.regionDirectory.regions(),
      first: options.first,
      excludedFirst: options.excludedFirst,
      capacities,
    });
    // The fact that a profile was matched, by whom: never the profile itself (it is not stored).
    // Written while the answer is built, and awaited before it is given.
    const audited = audit(
      this.dataSource.manager,
      viewer,
      { action: 'profile.match', requestId: options.requestId, detail: `${page.matchCount} matches` },
      now,
    );

    const intakeOf = intakeMemo(at);
    const view = (id: string) => {
      const loaded = facility(id);
      return facilityView(loaded, {
        now: at,
        freshnessPolicy: this.config.freshness,
        mayKnowLocation: mayKnowLocation(viewer, loaded),
        mayKnowCounts: mayKnowCounts(viewer, loaded),
        intakeOf,
      });
    };
    const answer: MatchResultModel = {
      matches: page.matches.map((match) => {
        const kind = placementKindOf(match.facility);
        const decidedBy = DEFAULT_AUTHORITY_TABLE[kind].decidedBy;
        const deciderHours = this.config.authorityHours[decidedBy];
        const decidedByOpenNow = isOpen(deciderHours, at);
        return {
          facility: view(match.facility.id),
          score: match.score,
          placeableNow: match.placeableNow,
          placeableAt: match.placeableAt,
          reasons: match.reasons,
          reasonCodes: match.reasonCodes,
          freshness: match.freshness,
          distanceKm: match.distanceKm,
          decidedBy,
          decidedByOpenNow,
          decidedByOpensAt: decidedByOpenNow ? null : findNextOpening(deciderHours, at),
          // Yours to place (automatically, or as its deciding authority), another's to decide, or never yours.
          decision: mayAssignKind(capacities, kind) ? AuthorityVerdict.OFFER : DEFAULT_AUTHORITY_TABLE[kind].otherwise,
          interimFor: match.interimFor ?? [],
        };
      }),
      excluded: page.excluded.map((exclusion) => ({
        facility: view(exclusion.facility.id),
        reasons: exclusion.reasons.map(({ code, message }) => ({ code, message })),
      })),
      advice: page.advice.map((advice) => ({ ...advice })),
      matchCount: page.matchCount,
      excludedCount: page.excludedCount,
      exclusionSummary: page.exclusionSummary.map(({ code, facilities }) => ({ code, facilities })),
      evaluatedAt: at,
      groupSplit: await this.groupSplit(viewer, profile, page, { at, requesterRegionCode, capacities }),
    };
    await audited;
    return answer;
  }

  /**
   * How a group would be split when no single place can take it now (decision.ts's
   * `planGroupAllocation`, as the worker would do it): over the places open now that the asker may
   * place in, matched for one person each.
   */
  private async groupSplit(
    viewer: Viewer,
    profile: VictimProfile,
    page: MatchPage,
    options: { at: Date; requesterRegionCode: string | null; capacities: readonly RequesterCapacity[] },
  ): Promise<MatchResultModel['groupSplit']> {
    const size = groupSizeOf(profile);
    if (size <= 1 || page.matchCount > 0) return [];
    const single = await this.matchPage(
      { ...profile, groupSize: 1 },
      {
        ...options,
        mayLocate: (f) => mayKnowLocation(viewer, f),
        countsShown: (f) => mayKnowCounts(viewer, f),
        regions: await this.regionDirectory.regions(),
        excludedFirst: 0,
      },
    );
    const candidates = single.page.matches.filter(
      (m) => m.placeableNow && mayAssignKind(options.capacities, placementKindOf(m.facility)),
    );
    // Shares at a facility whose counts are withheld are sized by its band and maxGroupSize, not its
    // free places (group-split-preview.ts says why); the worker splits a real request on real counts.
    const plan = previewGroupAllocation(candidates, size, (f) => mayKnowCounts(viewer, f)) ?? [];
    return plan.map((share) => {
      const loaded = single.facility(share.facilityId);
      return {
        facility: facilityView(loaded, {
          now: options.at,
          freshnessPolicy: this.config.freshness,
          mayKnowLocation: mayKnowLocation(viewer, loaded),
          mayKnowCounts: mayKnowCounts(viewer, loaded),
        }),
        places: share.places,
      };
    });
  }
}

/** The page of a whole answer, as `matchPage` gives it (the fallback). */
function pageOf(result: MatchResult, first?: number | null, excludedFirst?: number | null): MatchPage {
  const summary = new Map<ExclusionCode, number>();
  for (const exclusion of result.excluded) {
    for (const code of new Set(exclusion.reasons.map((reason) => reason.code))) summary.set(code, (summary.get(code) ?? 0) + 1);
  }
  return {
    matches: result.matches.slice(0, first ?? undefined),
    excluded: result.excluded.slice(0, excludedFirst ?? undefined),
    advice: result.advice,
    matchCount: result.matches.length,
    excludedCount: result.excluded.length,
    exclusionSummary: [...summary].sort(([a], [b]) => a.localeCompare(b)).map(([code, facilities]) => ({ code, facilities })),
  };
}
