/**
 * The matcher: which facilities can take this victim, best first, and why the others cannot
 * (domain.md §5). Pure: the same input always gives the same output, whatever the facility order.
 */
import { AuthorityHours, DEFAULT_AUTHORITY_HOURS } from '../calendar/authority-hours';
import { dutchPublicHolidays, HolidayCalendar } from '../calendar/holidays';
import { nextCommonOpening } from '../calendar/opening-hours';
import { availablePlaces } from '../capacity';
import { FacilitySnapshot } from '../eligibility/context';
import { evaluateEligibility } from '../eligibility/evaluate';
import { ExclusionReason } from '../eligibility/exclusion';
import { ExploitationType, Freshness, Gender, ResidenceStatus, ThreatLevel } from '../enums';
import { capacityFreshness } from '../freshness';
import { DEFAULT_MATCHING_CONFIG, MatchingConfig } from '../matching-config';
import { bedenktijdEnd, bedenktijdState, VictimProfile } from '../profile';
import { Advice, AdviceCode, profileAdvice } from './advice';
import { centroid, distanceKm, GeoPoint } from './geo';
import { scoreMatch } from './score';
import { specialisedKinds } from './specialised-kind';

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
}

export interface FacilityMatch {
  facility: FacilitySnapshot;
  score: number;
  /** Both the placing authority and the facility's intake are open at `at`. */
  placeableNow: boolean;
  /** The first moment both are open (`at` when placeable now). */
  placeableAt: Date;
  /** For people: why this place, and what to check. */
  reasons: string[];
  freshness: Freshness;
  /** Distance used for ranking (see `scoreMatch`), rounded to whole km; `null` when unknown. */
  distanceKm: number | null;
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

const byId = (a: FacilitySnapshot, b: FacilitySnapshot): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

function regionPoints(
  facilities: readonly FacilitySnapshot[],
  given: Readonly<Record<string, GeoPoint>> | undefined,
): (code: string) => GeoPoint | null {
  const cache = new Map<string, GeoPoint | null>();
  return (code) => {
    const key = code.toUpperCase();
    if (!cache.has(key)) {
      const explicit = given?.[code] ?? given?.[key];
      cache.set(key, explicit ?? centroid(facilities.filter((f) => f.regionCode.toUpperCase() === key)));
    }
    return cache.get(key) ?? null;
  };
}

function formatFreshness(facility: FacilitySnapshot, freshness: Freshness): string | null {
  const since = facility.capacityUpdatedAt?.toISOString();
  switch (freshness) {
    case Freshness.FRESH:
      return null;
    case Freshness.AGING:
      return `capacity last confirmed ${since}: aging`;
    case Freshness.STALE:
      return `capacity last confirmed ${since}: stale, call to verify`;
    case Freshness.UNKNOWN:
      return 'capacity never confirmed: call to verify';
  }
}

export function matchFacilities(input: MatchInput): MatchResult {
  const { profile, at } = input;
  const config = input.config ?? DEFAULT_MATCHING_CONFIG;
  const authorityHours = input.authorityHours ?? DEFAULT_AUTHORITY_HOURS;
  const holidays = input.holidays ?? dutchPublicHolidays(config.holidays);
  const facilities = [...input.facilities].sort(byId);
  const pointOf = regionPoints(facilities, input.regionCentroids);

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
  const awayFromDanger = highThreat && dangerPoints.length > 0;
  const requesterPoint = input.requesterLocation ?? (input.requesterRegionCode ? pointOf(input.requesterRegionCode) : null);

  const specialised = specialisedKinds(profile, at, config);
  const bedenktijdEnded =
    bedenktijdState(profile, at) === 'ENDED' && profile.bedenktijdStart
      ? `bedenktijd ended on ${bedenktijdEnd(profile.bedenktijdStart)}: treated as not in bedenktijd (003:661)`
      : null;

  const matches: FacilityMatch[] = [];
  const excluded: FacilityExclusion[] = [];
  for (const facility of facilities) {
    const reasons = evaluateEligibility({ profile, facility, at, config });
    if (reasons.length > 0) {
      excluded.push({ facility, reasons });
      continue;
    }

    const common = nextCommonOpening(
      [authorityHours[facility.placingAuthority] ?? null, facility.intakeHours],
      at,
      holidays,
      config.openingSearchHorizonDays,
    );
    const placeableAt = common ?? new Date(at.getTime() + config.openingSearchHorizonDays * DAY_MS);
    const placeableNow = common !== null && common.getTime() === at.getTime();
    const freshness = capacityFreshness(facility.capacityUpdatedAt, facility.updateCadence, at, config.freshness, holidays);
    const free = availablePlaces(facility.capacity);
    const here: GeoPoint = { latitude: facility.latitude, longitude: facility.longitude };
    let distance: number | null = null;
    if (awayFromDanger) distance = Math.min(...dangerPoints.map((p) => distanceKm(p, here)));
    else if (requesterPoint) distance = distanceKm(requesterPoint, here);
    if (distance !== null && !Number.isFinite(distance)) distance = null;
    const secretUnderHighThreat = highThreat && facility.secretAddress;
    const kindReason = specialised.get(facility.type);

    const why: string[] = [];
    if (kindReason) why.push(kindReason);
    if (placeableNow) why.push('placeable now');
    else if (common) why.push(`placeable from ${common.toISOString()} (${facility.placingAuthority} hours and intake hours)`);
    else {
      why.push(
        `${facility.placingAuthority} hours and intake hours do not meet within ${config.openingSearchHorizonDays} days: check the opening hours`,
      );
    }
    why.push(`${free} free place${free === 1 ? '' : 's'}`);
    const freshnessReason = formatFreshness(facility, freshness);
    if (freshnessReason) why.push(freshnessReason);
    if (distance !== null) {
      why.push(
        awayFromDanger
          ? `about ${Math.round(distance)} km from the nearest excluded or home region`
          : `about ${Math.round(distance)} km from the requester`,
      );
    }
    if (secretUnderHighThreat) why.push('secret address, for high threat (000:2108-2110)');
    if (facility.maxStayDays !== null) why.push(`stay at most ${facility.maxStayDays} days: plan the onward placement`);
    if (
      profile.gender === Gender.X &&
      facility.eligibility.genders.length > 0 &&
      !facility.eligibility.genders.includes(Gender.X)
    ) {
      why.push(`gender X; the facility lists ${facility.eligibility.genders.join(', ')}: confirm the fit with the facility`);
    }
    if (profile.exploitationTypes.includes(ExploitationType.CRIMINAL)) {
      why.push('criminal exploitation: route to be decided with the OM (003:490)');
    }
    if (bedenktijdEnded) why.push(bedenktijdEnded);

    matches.push({
      facility,
      score: scoreMatch(
        {
          specialised: kindReason !== undefined,
          placeableNow,
          secretUnderHighThreat,
          freePlaces: free,
          freshness,
          distanceKm: distance,
          awayFromDanger,
        },
        config.ranking,
      ),
      placeableNow,
      placeableAt,
      reasons: why,
      freshness,
      distanceKm: distance === null ? null : Math.round(distance),
    });
  }

  matches.sort((a, b) => b.score - a.score || a.placeableAt.getTime() - b.placeableAt.getTime() || byId(a.facility, b.facility));

  const advice = profileAdvice(profile, config);
  const bridge = bridgeAdvice(matches, specialised, config);
  if (bridge) advice.push(bridge);
  if (matches.length === 0 && (profile.residenceStatus ?? null) !== ResidenceStatus.ASYLUM_PROCEDURE) {
    advice.push({
      code: AdviceCode.ESCALATE_OVD,
      message: 'No suitable place anywhere: escalate to the OvD bevolkingszorg (003:497) and keep the request waiting.',
    });
  }
  return { matches, excluded, advice };
}

/**
 * When the best match of a specialised kind is not placeable now (e.g. COSM at night, 000:2136-2139),
 * propose the best place of a bridge kind that is open now, then the onward placement (domain.md:81-83).
 */
function bridgeAdvice(
  matches: readonly FacilityMatch[],
  specialised: ReadonlyMap<string, string>,
  config: MatchingConfig,
): Advice | null {
  const onward = matches.find((m) => specialised.has(m.facility.type));
  if (!onward || onward.placeableNow) return null;
  const bridge = matches.find(
    (m) => m.placeableNow && m.facility.id !== onward.facility.id && config.bridgeKinds.includes(m.facility.type),
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
