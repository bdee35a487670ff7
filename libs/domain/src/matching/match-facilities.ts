/**
 * The matcher: which facilities can take this victim, best first, and why the others cannot
 * (domain.md §5). Pure: the same input always gives the same output, whatever the facility order.
 */
import { AuthorityHours, DEFAULT_AUTHORITY_HOURS } from '../calendar/authority-hours';
import { dutchPublicHolidays, HolidayCalendar } from '../calendar/holidays';
import { nextCommonOpening } from '../calendar/opening-hours';
import { availablePlaces, CapacityCounts } from '../capacity';
import { FacilitySnapshot } from '../eligibility/context';
import { FacilityDefinition, OpeningHours, UpdateCadence } from '../register';
import { evaluateEligibility, PROFILE_RULES } from '../eligibility/evaluate';
import { capacityExclusion } from '../eligibility/rules/capacity.rule';
import { interimOnlyFor } from '../eligibility/rules/residence-status.rule';
import { ExclusionReason } from '../eligibility/exclusion';
import { ExploitationType, Freshness, Gender, ResidenceStatus, ShelterType, ThreatLevel } from '../enums';
import { capacityFreshness } from '../freshness';
import { DEFAULT_MATCHING_CONFIG, MatchingConfig } from '../matching-config';
import { bedenktijdEnd, bedenktijdState, groupSizeOf, VictimProfile } from '../profile';
import { Advice, AdviceCode, profileAdvice } from './advice';
import { centroid, distanceKm, GeoPoint } from './geo';
import { AuthorityVerdict, authorityVerdict, placementKindOf, RequesterCapacity } from '../placement/authority';
import { scoreMatch } from './score';
import { type FacilityResponsiveness, responsivenessPoints } from './responsiveness';
import { specialisedKinds } from './specialised-kind';
import { MatchReason, MatchReasonCode, matchReason, matchReasonSentence } from './match-reason';

export interface MatchInput {
  profile: VictimProfile;
  facilities: readonly FacilitySnapshot[];
  /** The moment of evaluation (the contract's `options.at`, else now). */
  at: Date;
  /** The requester's region: distance is measured from its centroid. */
  requesterRegionCode?: string | null;
  /** A precise requester point; wins over the region centroid. */
  requesterLocation?: GeoPoint | null;
  /** Region centroids; a region without one gets the mean position of its facilities in the input. */
  regionCentroids?: Readonly<Record<string, GeoPoint>>;
  authorityHours?: Readonly<AuthorityHours>;
  config?: MatchingConfig;
  /** Defaults to the Dutch calendar for `config.holidays`. */
  holidays?: HolidayCalendar;
  /**
   * The capacities the asker acts in (authority.ts): advice then names only places they may take
   * themselves (no noodbed for a zorgcoördinator, domain.md §5a). Without: any place.
   */
  capacities?: readonly RequesterCapacity[];
  /**
   * Whether the asker may see a facility's exact counts (default: every facility's). A facility
   * without them (a secret address the asker may not locate, issue 12) is ranked as if its free
   * places were at the cap whenever it has room, and its reasons say "a place free": a score or a
   * reason that moved with each hold would tie a request to it. Whether it has room for the group
   * is decided on its band alone (capacity.rule.ts `capacityExclusion`): with a place free it fits
   * any group up to its maxGroupSize, so asking for groups of 1, 2, 3, ... cannot count its places.
   * Such an answer may be optimistic for a group; the placement decides on the real counts.
   */
  countsShown?: (facility: { id: string; secretAddress: boolean }) => boolean;
  /**
   * Each facility's recent answers to offers, for the optional responsiveness weight
   * (responsiveness.ts); read only when the weight is on. Without: no facility gets those points.
   */
  responsiveness?: ReadonlyMap<string, FacilityResponsiveness>;
}

export interface FacilityMatch {
  facility: FacilitySnapshot;
  score: number;
  /** Both the placing authority and the facility's intake are open at `at`. */
  placeableNow: boolean;
  /** The first moment both are open (`at` when placeable now). */
  placeableAt: Date;
  /** Why this place, and what to check, as codes with parameters (match-reason.ts). */
  reasonCodes: MatchReason[];
  /** The same reasons as English sentences (`matchReasonSentence`). */
  reasons: string[];
  freshness: Freshness;
  /** Distance used for ranking (see `scoreMatch`), rounded to whole km; `null` when unknown. */
  distanceKm: number | null;
  /**
   * Set when the place suits her only as an interim place: the kinds she is to move on to (a woman
   * in bedenktijd in VO/MO until COSM, 000:2136-2139). Absent: she can stay.
   */
  interimFor?: ShelterType[];
}

export interface FacilityExclusion {
  facility: FacilitySnapshot;
  reasons: ExclusionReason[];
}

export interface MatchResult {
  /** Best first. */
  matches: FacilityMatch[];
  /** Ordered by facility id. */
  excluded: FacilityExclusion[];
  advice: Advice[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The matcher's order of facilities (and of excluded ones): by id, then key. */
export const byId = (a: { id: string; key: string }, b: { id: string; key: string }): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

/**
 * Where a region is for distances: its given centroid, else the mean position of its facilities.
 * `facilitiesIn(code)` lists the facilities of a region (upper-cased code) in the matcher's order,
 * at the positions the ranking uses; it is asked only for a region without a given centroid.
 */
export function regionPoints(
  facilitiesIn: (upperCaseCode: string) => readonly GeoPoint[],
  given: Readonly<Record<string, GeoPoint>> | undefined,
): (code: string) => GeoPoint | null {
  const cache = new Map<string, GeoPoint | null>();
  return (code) => {
    const key = code.toUpperCase();
    if (!cache.has(key)) {
      const explicit = given?.[code] ?? given?.[key];
      cache.set(key, explicit ?? centroid(facilitiesIn(key)));
    }
    return cache.get(key) ?? null;
  };
}

function freshnessReason(capacityUpdatedAt: Date | null, freshness: Freshness): MatchReason | null {
  const at = capacityUpdatedAt ?? undefined;
  switch (freshness) {
    case Freshness.FRESH:
      return null;
    case Freshness.AGING:
      return matchReason(MatchReasonCode.CAPACITY_AGING, { at });
    case Freshness.STALE:
      return matchReason(MatchReasonCode.CAPACITY_STALE, { at });
    case Freshness.UNKNOWN:
      return matchReason(MatchReasonCode.CAPACITY_NEVER_CONFIRMED);
  }
}

/**
 * Everything about one matching question that does not depend on the facility, worked out once
 * per call: the danger and requester points, the kinds made for this profile, and memos of the
 * pure per-schedule and per-confirmation computations (many facilities share a schedule).
 */
export interface MatchQuestion {
  profile: VictimProfile;
  at: Date;
  config: MatchingConfig;
  authorityHours: Readonly<AuthorityHours>;
  holidays: HolidayCalendar;
  highThreat: boolean;
  dangerPoints: GeoPoint[];
  awayFromDanger: boolean;
  requesterPoint: GeoPoint | null;
  /** The kinds made for this profile (specialised-kind.ts). */
  specialised: ReadonlySet<string>;
  bedenktijdEnded: MatchReason | null;
  /** nextCommonOpening per (authority hours, intake hours) object pair. */
  openings: Map<OpeningHours | null, Map<OpeningHours | null, Date | null>>;
  /** capacityFreshness per cadence and confirmation instant. */
  freshness: Map<UpdateCadence, Map<number, Freshness>>;
  /** Whether the asker may be offered this place without another authority's decision. */
  mayTake: (facility: FacilityDefinition) => boolean;
  /** MatchInput.countsShown, defaulted. */
  countsShown: (facility: { id: string; secretAddress: boolean }) => boolean;
  /** MatchInput.responsiveness. */
  responsiveness: ReadonlyMap<string, FacilityResponsiveness> | null;
}

export type QuestionInput = Pick<
  MatchInput,
  | 'profile'
  | 'at'
  | 'requesterRegionCode'
  | 'requesterLocation'
  | 'authorityHours'
  | 'config'
  | 'holidays'
  | 'capacities'
  | 'countsShown'
  | 'responsiveness'
>;

const ALL_COUNTS_SHOWN = () => true;

export function prepareQuestion(input: QuestionInput, pointOf: (code: string) => GeoPoint | null): MatchQuestion {
  const { profile, at } = input;
  const config = input.config ?? DEFAULT_MATCHING_CONFIG;
  const highThreat = profile.threatLevel === ThreatLevel.HIGH;
  const dangerPoints: GeoPoint[] = highThreat
    ? [
        ...new Set(
          [...(profile.excludedRegionCodes ?? []), ...(profile.homeRegionCode ? [profile.homeRegionCode] : [])].map((c) =>
            c.toUpperCase(),
          ),
        ),
      ]
        .sort()
        .map(pointOf)
        .filter((p): p is GeoPoint => p !== null)
    : [];
  return {
    profile,
    at,
    config,
    countsShown: input.countsShown ?? ALL_COUNTS_SHOWN,
    responsiveness: input.responsiveness ?? null,
    authorityHours: input.authorityHours ?? DEFAULT_AUTHORITY_HOURS,
    holidays: input.holidays ?? dutchPublicHolidays(config.holidays),
    highThreat,
    dangerPoints,
    awayFromDanger: highThreat && dangerPoints.length > 0,
    requesterPoint: input.requesterLocation ?? (input.requesterRegionCode ? pointOf(input.requesterRegionCode) : null),
    specialised: specialisedKinds(profile, at, config),
    bedenktijdEnded:
      bedenktijdState(profile, at) === 'ENDED' && profile.bedenktijdStart
        ? matchReason(MatchReasonCode.BEDENKTIJD_ENDED, { date: bedenktijdEnd(profile.bedenktijdStart) })
        : null,
    openings: new Map(),
    freshness: new Map(),
    mayTake: (facility) =>
      !input.capacities || authorityVerdict(placementKindOf(facility), input.capacities) === AuthorityVerdict.OFFER,
  };
}

function commonOpening(q: MatchQuestion, placingAuthority: string, intakeHours: OpeningHours | null): Date | null {
  const authority = (q.authorityHours as Record<string, OpeningHours | null | undefined>)[placingAuthority] ?? null;
  let byIntake = q.openings.get(authority);
  if (!byIntake) q.openings.set(authority, (byIntake = new Map()));
  let common = byIntake.get(intakeHours);
  if (common === undefined) {
    common = nextCommonOpening([authority, intakeHours], q.at, q.holidays, q.config.openingSearchHorizonDays);
    byIntake.set(intakeHours, common);
  }
  return common;
}

function freshnessOf(q: MatchQuestion, confirmedAt: Date | null, cadence: UpdateCadence): Freshness {
  if (confirmedAt === null) return capacityFreshness(null, cadence, q.at, q.config.freshness, q.holidays);
  let byInstant = q.freshness.get(cadence);
  if (!byInstant) q.freshness.set(cadence, (byInstant = new Map()));
  let freshness = byInstant.get(confirmedAt.getTime());
  if (freshness === undefined) {
    freshness = capacityFreshness(confirmedAt, cadence, q.at, q.config.freshness, q.holidays);
    byInstant.set(confirmedAt.getTime(), freshness);
  }
  return freshness;
}

/** An eligible facility with the numbers its rank comes from (a FacilityMatch before its reasons are written). */
export interface Assessment<F extends FacilityDefinition & { id: string } = FacilitySnapshot> {
  facility: F;
  capacity: CapacityCounts;
  capacityUpdatedAt: Date | null;
  score: number;
  placeableNow: boolean;
  placeableAt: Date;
  common: Date | null;
  freshness: Freshness;
  free: number;
  /** Unrounded. */
  distance: number | null;
  /** The facility's kind is made for this profile. */
  specialisedKind: boolean;
  secretUnderHighThreat: boolean;
  /** Whether the asker may see the counts (MatchInput.countsShown). */
  countsShown: boolean;
  /** Points for answering offers quickly (0: the weight is off or too few offers), and the median they came from. */
  responsivenessPoints: number;
  responseMedianMinutes: number | null;
}

/**
 * Ranks one eligible facility. `here` is where the ranking takes it to be (a secret address the
 * caller may not locate: its region's centre).
 */
export function assessEligible<F extends FacilityDefinition & { id: string }>(
  q: MatchQuestion,
  facility: F,
  capacity: CapacityCounts,
  capacityUpdatedAt: Date | null,
  here: GeoPoint,
): Assessment<F> {
  const { config } = q;
  const common = commonOpening(q, facility.placingAuthority, facility.intakeHours);
  const placeableAt = common ?? new Date(q.at.getTime() + config.openingSearchHorizonDays * DAY_MS);
  const placeableNow = common !== null && common.getTime() === q.at.getTime();
  const freshness = freshnessOf(q, capacityUpdatedAt, facility.updateCadence);
  const free = availablePlaces(capacity);
  const countsShown = q.countsShown(facility);
  let distance: number | null = null;
  if (q.awayFromDanger) {
    distance = Infinity;
    for (const p of q.dangerPoints) distance = Math.min(distance, distanceKm(p, here));
  } else if (q.requesterPoint) distance = distanceKm(q.requesterPoint, here);
  if (distance !== null && !Number.isFinite(distance)) distance = null;
  const secretUnderHighThreat = q.highThreat && facility.secretAddress;
  const specialisedKind = q.specialised.has(facility.type);
  const responsiveness = q.responsiveness?.get(facility.id) ?? null;
  // Under high threat the secret address decides, not who answers faster (domain.md §5 rule 6).
  const points = q.highThreat ? 0 : responsivenessPoints(responsiveness, config.ranking);
  return {
    facility,
    capacity,
    capacityUpdatedAt,
    score: scoreMatch(
      {
        specialised: specialisedKind,
        placeableNow,
        secretUnderHighThreat,
        freePlaces: countsShown ? free : rankedFreePlaces(free, config.ranking.freePlacesCap),
        freshness,
        distanceKm: distance,
        awayFromDanger: q.awayFromDanger,
        responsivenessPoints: points,
      },
      config.ranking,
    ),
    placeableNow,
    placeableAt,
    common,
    freshness,
    free,
    distance,
    specialisedKind,
    secretUnderHighThreat,
    countsShown,
    responsivenessPoints: points,
    responseMedianMinutes: points > 0 ? (responsiveness?.medianMinutes ?? null) : null,
  };
}

/**
 * The free places a facility is ranked by when the asker may not see its counts: the cap when it
 * has room, so its score does not move with each hold (issue 12).
 */
export function rankedFreePlaces(free: number, cap: number): number {
  return free > 0 ? cap : 0;
}

/** The reason naming the free places, or only that one is free when the asker may not see the count. */
export function freePlacesReason(free: number, countsShown: boolean): MatchReason {
  // Not "room for the group": a group shown this place may find fewer free (decided on placing).
  if (!countsShown) return matchReason(free > 0 ? MatchReasonCode.PLACE_FREE_COUNT_WITHHELD : MatchReasonCode.NO_FREE_PLACE);
  return matchReason(MatchReasonCode.FREE_PLACES, { places: free });
}

/** Best first: score, then the earlier placeableAt, then the matcher's order. */
export const bestFirst = <F extends FacilityDefinition & { id: string }>(a: Assessment<F>, b: Assessment<F>): number =>
  b.score - a.score || a.placeableAt.getTime() - b.placeableAt.getTime() || byId(a.facility, b.facility);

/** The match as the contract returns it, with its reasons for people; `facility` is the snapshot to report. */
export function describeMatch<F extends FacilityDefinition & { id: string }>(
  q: MatchQuestion,
  a: Assessment<F>,
  facility: FacilitySnapshot,
): FacilityMatch {
  const { profile, config } = q;
  const definition = a.facility;
  const why: MatchReason[] = [];
  if (a.specialisedKind) why.push(matchReason(MatchReasonCode.SPECIALISED_KIND, { kind: definition.type }));
  const authority = definition.placingAuthority;
  if (a.placeableNow) why.push(matchReason(MatchReasonCode.PLACEABLE_NOW));
  else if (a.common) why.push(matchReason(MatchReasonCode.PLACEABLE_FROM, { at: a.common, authority }));
  else why.push(matchReason(MatchReasonCode.HOURS_NEVER_MEET, { authority, days: config.openingSearchHorizonDays }));
  why.push(freePlacesReason(a.free, a.countsShown));
  const size = groupSizeOf(profile);
  if (!a.countsShown && size > 1) {
    // Shown on its band alone (capacity.rule.ts): the placement checks the real free places.
    why.push(matchReason(MatchReasonCode.GROUP_CHECKED_WHEN_PLACING, { groupSize: size }));
  }
  const freshness = freshnessReason(a.capacityUpdatedAt, a.freshness);
  if (freshness) why.push(freshness);
  if (a.distance !== null) {
    const km = Math.round(a.distance);
    why.push(matchReason(q.awayFromDanger ? MatchReasonCode.KM_FROM_DANGER : MatchReasonCode.KM_FROM_REQUESTER, { km }));
  }
  if (a.secretUnderHighThreat) why.push(matchReason(MatchReasonCode.SECRET_ADDRESS_HIGH_THREAT));
  if (a.responsivenessPoints > 0) {
    // A secret facility's own figures are not named to those who may not see its counts.
    const minutes = a.countsShown && a.responseMedianMinutes !== null ? { minutes: a.responseMedianMinutes } : {};
    why.push(matchReason(MatchReasonCode.ANSWERS_QUICKLY, minutes));
  }
  if (definition.maxStayDays !== null) why.push(matchReason(MatchReasonCode.MAX_STAY, { days: definition.maxStayDays }));
  if (
    profile.gender === Gender.X &&
    definition.eligibility.genders.length > 0 &&
    !definition.eligibility.genders.includes(Gender.X)
  ) {
    why.push(matchReason(MatchReasonCode.GENDER_X_NOT_LISTED, { genders: [...definition.eligibility.genders] }));
  }
  if (profile.exploitationTypes.includes(ExploitationType.CRIMINAL))
    why.push(matchReason(MatchReasonCode.CRIMINAL_ROUTE_WITH_OM));
  if (q.bedenktijdEnded) why.push(q.bedenktijdEnded);
  const interimFor = interimOnlyFor(profile, definition.type, config, q.at);
  if (interimFor) why.push(matchReason(MatchReasonCode.INTERIM_ONLY, { kinds: interimFor }));

  return {
    facility,
    score: a.score,
    placeableNow: a.placeableNow,
    placeableAt: a.placeableAt,
    reasonCodes: why,
    reasons: why.map(matchReasonSentence),
    freshness: a.freshness,
    distanceKm: a.distance === null ? null : Math.round(a.distance),
    ...(interimFor ? { interimFor } : {}),
  };
}

/**
 * The advice for the whole answer. `count` is how many facilities are eligible; `best(test)` gives
 * the best of them (by `bestFirst`) that passes `test`, or undefined.
 */
export function matchAdvice<F extends FacilityDefinition & { id: string }>(
  q: MatchQuestion,
  count: number,
  best: (test: (a: Assessment<F>) => boolean) => Assessment<F> | undefined,
): Advice[] {
  const { profile, config } = q;
  const advice = profileAdvice(profile, config);
  const bridge = bridgeAdvice(best, q.specialised, config, q.mayTake);
  if (bridge) advice.push(bridge);
  if (count === 0 && (profile.residenceStatus ?? null) !== ResidenceStatus.ASYLUM_PROCEDURE) {
    advice.push({
      code: AdviceCode.ESCALATE_OVD,
      message: 'No suitable place anywhere: escalate to the OvD bevolkingszorg (003:497) and keep the request waiting.',
    });
  }
  return advice;
}

export function matchFacilities(input: MatchInput): MatchResult {
  const { profile, at } = input;
  const facilities = [...input.facilities].sort(byId);
  const pointOf = regionPoints((key) => facilities.filter((f) => f.regionCode.toUpperCase() === key), input.regionCentroids);
  const q = prepareQuestion(input, pointOf);

  const ranked: Assessment[] = [];
  const excluded: FacilityExclusion[] = [];
  for (const facility of facilities) {
    // The profile rules, then the capacity rule as this asker is told it (capacity.rule.ts): on the
    // real counts, or on the band alone when the counts are withheld (issue 12).
    const reasons = evaluateEligibility({ profile, facility, at, config: q.config }, PROFILE_RULES);
    const noRoom = capacityExclusion(facility.capacity, groupSizeOf(profile), q.countsShown(facility));
    if (noRoom) reasons.push(noRoom);
    if (reasons.length > 0) {
      excluded.push({ facility, reasons });
      continue;
    }
    ranked.push(assessEligible(q, facility, facility.capacity, facility.capacityUpdatedAt, facility));
  }
  ranked.sort(bestFirst);

  return {
    matches: ranked.map((a) => describeMatch(q, a, a.facility)),
    excluded,
    advice: matchAdvice(q, ranked.length, (test) => ranked.find(test)),
  };
}

/**
 * When the best match of a specialised kind is not placeable now (e.g. COSM at night, 000:2136-2139),
 * propose the best place of a bridge kind that is open now, then the onward placement (domain.md:81-83).
 */
function bridgeAdvice<F extends FacilityDefinition & { id: string }>(
  best: (test: (a: Assessment<F>) => boolean) => Assessment<F> | undefined,
  specialised: ReadonlySet<string>,
  config: MatchingConfig,
  mayTake: (facility: FacilityDefinition) => boolean,
): Advice | null {
  const onward = best((m) => specialised.has(m.facility.type));
  if (!onward || onward.placeableNow) return null;
  const bridge = best(
    (m) =>
      m.placeableNow &&
      m.facility.id !== onward.facility.id &&
      config.bridgeKinds.includes(m.facility.type) &&
      mayTake(m.facility),
  );
  if (!bridge) return null;
  return {
    code: AdviceCode.BRIDGE_THEN_TRANSFER,
    message:
      `${onward.facility.type} (${onward.facility.name}) is closed now: place at ${bridge.facility.name} ` +
      `(${bridge.facility.type}) now, then transfer from ${onward.placeableAt.toISOString()}.`,
    bridgeFacilityId: bridge.facility.id,
    onwardFacilityId: onward.facility.id,
    onwardPlaceableAt: onward.placeableAt,
  };
}
