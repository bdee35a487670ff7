/**
 * The matcher for one page of its answer (the `matchFacilities` query's `first` and
 * `excludedFirst`), on a prepared register: the same answer as `matchFacilities` cut to the page,
 * with the same counts and exclusion summary, without building what the page leaves out.
 *
 * Two steps around one read of live capacity:
 *  1. `screenRegister`: the profile rules once per eligibility class (register-index.ts). Whoever
 *     fails them is excluded whatever its capacity; the rest are the candidates.
 *  2. `matchPage`: capacity of the candidates (and of the excluded facilities the page shows) decides
 *     NO_CAPACITY and the rank; reasons are written for the page only. How many facilities in the
 *     whole register lack room for the group (the summary's NO_CAPACITY count) is counted by the
 *     caller where the capacity lives (one SQL aggregate), not read row by row.
 */
import { CapacityCounts } from '../capacity';
import { FacilitySnapshot } from '../eligibility/context';
import { evaluateEligibility, PROFILE_RULES } from '../eligibility/evaluate';
import { ExclusionCode, ExclusionReason } from '../eligibility/exclusion';
import { ShelterType } from '../enums';
import { capacityExclusion } from '../eligibility/rules/capacity.rule';
import { DEFAULT_MATCHING_CONFIG, MatchingConfig } from '../matching-config';
import { groupSizeOf, VictimProfile } from '../profile';
import { Advice } from './advice';
import { GeoPoint } from './geo';
import {
  Assessment,
  assessEligible,
  bestFirst,
  describeMatch,
  FacilityExclusion,
  FacilityMatch,
  matchAdvice,
  MatchInput,
  prepareQuestion,
  regionPoints,
} from './match-facilities';
import { IndexedFacility, RegisterIndex } from './register-index';

/** The verdict of the profile rules on a register, for one profile. */
export interface Screening {
  /** Per eligibility class: the profile rules' reasons, in rule order (empty = passes). */
  classReasons: readonly (readonly ExclusionReason[])[];
  /** Positions (ascending) of the facilities that pass the profile rules. */
  candidates: readonly number[];
  /** Positions (ascending) of the facilities that fail them. */
  excluded: readonly number[];
}

export function screenRegister(
  register: RegisterIndex,
  profile: VictimProfile,
  at: Date,
  config: MatchingConfig = DEFAULT_MATCHING_CONFIG,
): Screening {
  const classReasons = register.classes.map((facility) => evaluateEligibility({ profile, facility, at, config }, PROFILE_RULES));
  const candidates: number[] = [];
  const excluded: number[] = [];
  const { classOf } = register;
  for (let position = 0; position < classOf.length; position++) {
    (classReasons[classOf[position]].length === 0 ? candidates : excluded).push(position);
  }
  return { classReasons, candidates, excluded };
}

/**
 * The screening of a question about some kinds only (a request that names its kinds: the onward
 * request to COSM, the regular places after a noodbed): facilities of other kinds leave the
 * question, neither candidates nor excluded, so their capacity is not read and they are not
 * ranked; the matches and exclusions are the matcher's on the register of those kinds. Empty
 * `kinds`: every kind. (`matchPage`'s register-wide counts and summary still count every kind.)
 */
export function screeningOfKinds(screening: Screening, register: RegisterIndex, kinds: readonly ShelterType[]): Screening {
  if (kinds.length === 0) return screening;
  const asked = (position: number) => kinds.includes(register.facilities[position].type);
  return { ...screening, candidates: screening.candidates.filter(asked), excluded: screening.excluded.filter(asked) };
}

/**
 * The positions whose capacity `matchPage` needs: every candidate, and the first `excludedFirst`
 * facilities failing the profile rules (only those can be on the excluded page).
 */
export function capacityNeeded(screening: Screening, excludedFirst?: number | null): number[] {
  const shown = excludedFirst == null ? screening.excluded : screening.excluded.slice(0, Math.max(0, excludedFirst));
  return [...screening.candidates, ...shown];
}

/** A facility's live capacity as the matcher needs it: the counts and when staff last confirmed them (`null` = never). */
export interface LiveCapacity extends CapacityCounts {
  confirmedAt: Date | null;
}

export interface MatchPageInput<F extends IndexedFacility> extends Omit<MatchInput, 'facilities'> {
  register: RegisterIndex<F>;
  /** `screenRegister(register, profile, at, config)`. */
  screening: Screening;
  /** Live capacity at least for every position of `capacityNeeded(screening, excludedFirst)`. */
  capacity: (position: number) => LiveCapacity | undefined;
  /**
   * How many facilities of the whole register have fewer free places than the group needs
   * (max(0, total − occupied − held − outOfService) < groupSize), read with the same capacity;
   * for a facility whose counts are withheld (`countsShown`), fewer than one (capacity.rule.ts
   * `roomAskedFor`), so the summary says of it only what its band says.
   */
  withoutRoom: number;
  /** At most this many matches, best first; all when omitted. */
  first?: number | null;
  /** At most this many excluded facilities, in the matcher's order; all when omitted. */
  excludedFirst?: number | null;
  /** Where the ranking takes a facility to be; default its own coordinates. */
  locate?: (facility: F) => GeoPoint;
}

export interface MatchPage {
  /** Best first, at most `first`. */
  matches: FacilityMatch[];
  /** In the matcher's order, at most `excludedFirst`. */
  excluded: FacilityExclusion[];
  advice: Advice[];
  /** All matches. */
  matchCount: number;
  /** All excluded facilities. */
  excludedCount: number;
  /** Per reason code (sorted by code): how many facilities it excluded. */
  exclusionSummary: { code: ExclusionCode; facilities: number }[];
}

/** The snapshot `matchFacilities` would report for this facility, at the position the ranking used. */
export function facilitySnapshotOf(definition: IndexedFacility, live: LiveCapacity, here: GeoPoint): FacilitySnapshot {
  return {
    id: definition.id,
    key: definition.key,
    name: definition.name,
    type: definition.type,
    operator: definition.operator,
    regionCode: definition.regionCode,
    municipality: definition.municipality,
    latitude: here.latitude,
    longitude: here.longitude,
    secretAddress: definition.secretAddress,
    address: definition.address,
    intakePhone: definition.intakePhone,
    placingAuthority: definition.placingAuthority,
    intakeHours: definition.intakeHours,
    eligibility: { ...definition.eligibility },
    maxStayDays: definition.maxStayDays,
    updateCadence: definition.updateCadence,
    capacity: { total: live.total, occupied: live.occupied, held: live.held, outOfService: live.outOfService },
    capacityUpdatedAt: live.confirmedAt,
  };
}

/** `[...items].sort(order).slice(0, n)` (a stable sort), without sorting more than the first n. */
export function bestN<T>(items: readonly T[], n: number, order: (a: T, b: T) => number): T[] {
  if (n >= items.length) return [...items].sort(order);
  const top: T[] = [];
  if (n <= 0) return top;
  for (const item of items) {
    if (top.length === n && order(item, top[n - 1]) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (order(top[mid], item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, item);
    if (top.length > n) top.pop();
  }
  return top;
}

/** The first of `items` in `order` that passes `test` (what `find` gives on the sorted items). */
function bestOf<T>(items: readonly T[], test: (item: T) => boolean, order: (a: T, b: T) => number): T | undefined {
  let best: T | undefined;
  for (const item of items) if (test(item) && (best === undefined || order(item, best) < 0)) best = item;
  return best;
}

type Ranked<F extends IndexedFacility> = Assessment<F> & { position: number };

const ownPosition = (facility: IndexedFacility): GeoPoint => ({ latitude: facility.latitude, longitude: facility.longitude });

/**
 * `matchFacilities` on the register, cut to the page: equal to its `matches.slice(0, first)`,
 * `excluded.slice(0, excludedFirst)` and `advice`, with the counts and summary of the whole answer.
 * Every facility of the register is in the answer: the caller makes sure each has live capacity
 * (and falls back to `matchFacilities` when one has none).
 */
export function matchPage<F extends IndexedFacility>(input: MatchPageInput<F>): MatchPage {
  const { register, screening, profile } = input;
  const locate = input.locate ?? ownPosition;
  const config = input.config ?? DEFAULT_MATCHING_CONFIG;
  const pointOf = regionPoints(
    (key) => register.facilities.filter((f) => f.regionCode.toUpperCase() === key).map(locate),
    input.regionCentroids,
  );
  const q = prepareQuestion({ ...input, config }, pointOf);
  const needed = groupSizeOf(profile);
  const liveAt = (position: number): LiveCapacity => {
    const live = input.capacity(position);
    if (!live) throw new Error(`matchPage: no capacity for facility ${register.facilities[position].id}`);
    return live;
  };

  const ranked: Ranked<F>[] = [];
  const full: number[] = [];
  for (const position of screening.candidates) {
    const live = liveAt(position);
    if (capacityExclusion(live, needed, q.countsShown(register.facilities[position]))) {
      full.push(position);
      continue;
    }
    const facility = register.facilities[position];
    const assessed = assessEligible(q, facility, live, live.confirmedAt, locate(facility)) as Ranked<F>;
    assessed.position = position;
    ranked.push(assessed);
  }
  if (full.length > input.withoutRoom) {
    throw new Error(`matchPage: ${full.length} candidates without room, but withoutRoom says ${input.withoutRoom}`);
  }
  const shownMatches = bestN(ranked, input.first == null ? ranked.length : Math.max(0, input.first), bestFirst);
  const matches = shownMatches.map((a) =>
    describeMatch(q, a, facilitySnapshotOf(a.facility, liveAt(a.position), locate(a.facility))),
  );

  // The excluded page: failing the profile rules, or candidates without room, merged in position order.
  const limit = input.excludedFirst == null ? Infinity : Math.max(0, input.excludedFirst);
  const excluded: FacilityExclusion[] = [];
  let i = 0;
  let j = 0;
  while (excluded.length < limit && (i < screening.excluded.length || j < full.length)) {
    const fromScreen = j >= full.length || (i < screening.excluded.length && screening.excluded[i] < full[j]);
    const position = fromScreen ? screening.excluded[i++] : full[j++];
    const live = liveAt(position);
    const facility = register.facilities[position];
    const noRoom = capacityExclusion(live, needed, q.countsShown(facility));
    const reasons = fromScreen
      ? [...screening.classReasons[register.classOf[position]].map((r) => ({ ...r })), ...(noRoom ? [noRoom] : [])]
      : [noRoom!];
    excluded.push({ facility: facilitySnapshotOf(facility, live, locate(facility)), reasons });
  }

  const summary = new Map<ExclusionCode, number>();
  screening.classReasons.forEach((reasons, cls) => {
    for (const code of new Set(reasons.map((r) => r.code))) {
      summary.set(code, (summary.get(code) ?? 0) + register.classSizes[cls]);
    }
  });
  if (input.withoutRoom > 0)
    summary.set(ExclusionCode.NO_CAPACITY, (summary.get(ExclusionCode.NO_CAPACITY) ?? 0) + input.withoutRoom);

  return {
    matches,
    excluded,
    advice: matchAdvice(q, ranked.length, (test) => bestOf(ranked, test, bestFirst)),
    matchCount: ranked.length,
    excludedCount: register.size - ranked.length,
    exclusionSummary: [...summary].sort(([a], [b]) => a.localeCompare(b)).map(([code, facilities]) => ({ code, facilities })),
  };
}
