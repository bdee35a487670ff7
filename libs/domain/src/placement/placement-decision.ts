/**
 * What to do with a placement request, given the matcher's answer (issue: placement workflow).
 * Pure: the worker turns a decision into atomic holds, the API never decides anything itself.
 *
 * - OFFER: hold places at these facilities now (one facility, or a group split over the fewest);
 *   also at a facility whose own intake is closed now while its placing authority is open (the
 *   hold then runs from the intake's next opening, domain.md §5 rule 3).
 * - BRIDGE: the best kind is closed now; hold an interim place now and open a follow-up request
 *   for the onward kind (domain.md §5 rule 2, 000:2136-2139).
 * - WAIT: nothing can be offered now; says why, and when to try again (null = when capacity frees).
 */
import { PlacementStatus, PlacingAuthority, ShelterType, Urgency } from '../enums';
import {
  type AuthorityTable,
  AuthorityVerdict,
  authorityVerdict,
  DEFAULT_AUTHORITY_TABLE,
  placementKindOf,
  type RequesterCapacity,
} from './authority';
import type { AuthorityHours } from '../calendar/authority-hours';
import { findNextOpening, isOpen } from '../calendar/opening-hours';
import { availablePlaces } from '../capacity';
import type { FacilitySnapshot } from '../eligibility/context';
import { ExclusionCode } from '../eligibility/exclusion';
import type { FacilityExclusion, FacilityMatch, MatchResult } from '../matching/match-facilities';

export enum WaitingReason {
  /** Suitable places exist, but none is free. */
  NO_CAPACITY = 'NO_CAPACITY',
  /** The best place's placing authority is closed (CoMensha outside office hours). */
  AUTHORITY_CLOSED = 'AUTHORITY_CLOSED',
  /**
   * The best place's own intake is closed and does not open within the search horizon (a
   * facility whose intake opens later is held now instead: see `holdableWhileIntakeClosed`).
   */
  INTAKE_CLOSED = 'INTAKE_CLOSED',
  /** No facility in the register suits this person at all (see the advice: AZC, youth care, OvD). */
  NO_SUITABLE_PLACE = 'NO_SUITABLE_PLACE',
  /** A group cannot be placed in full right now; placed all together or not at all. */
  GROUP_TOO_LARGE = 'GROUP_TOO_LARGE',
  /**
   * The best suitable place belongs to an authority other than the requester (domain.md §5a): the
   * request is on that authority's worklist (`waitingForAuthority`) until it assigns or returns it.
   */
  AWAITING_AUTHORITY = 'AWAITING_AUTHORITY',
  /**
   * An onward request whose person is not yet in her interim place: it may not hold a second place
   * until she has arrived there (one person, one place; domain.md §5a, 002:763-767).
   */
  INTERIM_NOT_ARRIVED = 'INTERIM_NOT_ARRIVED',
  /**
   * Criminal exploitation: the screeningsoverleg decides with the OM "in eerste instantie de te volgen
   * route en het eventueel bieden van een veilige opvangplek" (003:490); the request waits until the
   * requester records that decision.
   */
  AWAITING_ROUTE_DECISION = 'AWAITING_ROUTE_DECISION',
}

export interface Allocation {
  facilityId: string;
  places: number;
}

export type PlacementDecision =
  | { kind: 'OFFER'; allocations: Allocation[]; alternatives: string[] }
  | { kind: 'BRIDGE'; allocations: Allocation[]; alternatives: string[]; onwardTypes: ShelterType[]; onwardPlaceableAt: Date }
  | {
      kind: 'WAIT';
      reason: WaitingReason;
      nextAttemptAt: Date | null;
      waitingForAuthority: PlacingAuthority | null;
      /** With AWAITING_AUTHORITY: the organisation that decides, when one is named (Nidos). */
      waitingForOrganisation?: string | null;
      /** With AWAITING_AUTHORITY: the kind the authority is asked to place in (worklists filter by it). */
      waitingForKind?: ShelterType | null;
    };

/** The authority that decides when nothing suits anywhere: a minor's request waits for youth care. */
export interface FallbackAuthority {
  authority: PlacingAuthority;
  organisation: string | null;
}

/**
 * What a wait's reason needs to know of the exclusions (see `waitFor`): whether some facility was
 * turned away for want of room alone, or for want of room or the group's size alone.
 */
export interface ExclusionEvidence {
  onlyForCapacity: boolean;
  onlyForCapacityOrGroupSize: boolean;
}

export function exclusionEvidence(excluded: readonly FacilityExclusion[]): ExclusionEvidence {
  return {
    onlyForCapacity: excluded.some((exclusion) => exclusion.reasons.every((reason) => reason.code === ExclusionCode.NO_CAPACITY)),
    onlyForCapacityOrGroupSize: excluded.some((exclusion) =>
      exclusion.reasons.every((reason) => reason.code === ExclusionCode.NO_CAPACITY || reason.code === ExclusionCode.GROUP_SIZE),
    ),
  };
}

export interface DecisionInput {
  result: MatchResult;
  /**
   * The exclusions' evidence, when the matcher gave it without writing every exclusion (then
   * `result.excluded` may be incomplete); by default read from `result.excluded`.
   */
  evidence?: ExclusionEvidence;
  urgency: Urgency;
  groupSize: number;
  /** Facilities that declined or let an offer lapse for this request. */
  skipFacilityIds: ReadonlySet<string>;
  /** Only these kinds (a follow-up's onward kinds, or a noodbed request); empty = any. */
  types: readonly ShelterType[];
  /** Whether a BRIDGE may be proposed (not for a request that is itself a follow-up or a noodbed). */
  mayBridge: boolean;
  /** Kinds that serve as interim places (MatchingConfig.bridgeKinds). */
  bridgeKinds: readonly ShelterType[];
  /** The moment of the decision and the authorities' hours, to say why a place is not open now. */
  at: Date;
  authorityHours: Readonly<AuthorityHours>;
  /**
   * The capacities the request acts in (authority.ts `requesterCapacities`). Without them (until
   * every caller passes them) no authority layer applies: every place is the requester's own.
   */
  capacities?: readonly RequesterCapacity[];
  /** Who decides each kind; default domain.md §5a. */
  authorityTable?: AuthorityTable;
  /**
   * A police noodbed request: the one place to drive to is a suitable structural place that is
   * free now if there is one, else the noodbed (002:763-765); `types` does not restrict it.
   */
  noodbed?: boolean;
  /**
   * The region the request is for (where she is): in the noodbed call, a structural place outside it
   * comes only after the region's own free noodbed. Without it: any region (the rule before).
   */
  regionCode?: string | null;
  /**
   * For an onward request: whether the person is in her interim place (its request PLACED). Until
   * then the onward request holds nothing. `null` (default) for a request that follows nothing.
   */
  interimArrived?: boolean | null;
  /** The worklist a request goes on when nothing suits at all (a minor: youth care). */
  fallbackAuthority?: FallbackAuthority | null;
  /** Criminal exploitation whose route the screeningsoverleg has not decided yet (003:490): it waits. */
  awaitingRouteDecision?: boolean;
}

function eligibleMatches(input: DecisionInput): FacilityMatch[] {
  return input.result.matches.filter(
    (match) =>
      !input.skipFacilityIds.has(match.facility.id) && (input.types.length === 0 || input.types.includes(match.facility.type)),
  );
}

/** Places one facility can give this group: what is free, within its largest group. */
function placesAt(facility: FacilitySnapshot, wanted: number): number {
  return Math.min(availablePlaces(facility.capacity), Math.max(1, facility.eligibility.maxGroupSize), wanted);
}

/**
 * Splits a group over the fewest facilities: largest usable share first (greedy by size is
 * optimal for the number of facilities). `null` when the free places cannot hold the whole group.
 */
export function planGroupAllocation(candidates: readonly FacilityMatch[], groupSize: number): Allocation[] | null {
  const whole = candidates.find((match) => placesAt(match.facility, groupSize) >= groupSize);
  if (whole) return [{ facilityId: whole.facility.id, places: groupSize }];
  const bySize = [...candidates].sort(
    (a, b) => placesAt(b.facility, groupSize) - placesAt(a.facility, groupSize) || b.score - a.score,
  );
  const allocations: Allocation[] = [];
  let remaining = groupSize;
  for (const match of bySize) {
    if (remaining === 0) break;
    const places = placesAt(match.facility, remaining);
    if (places > 0) {
      allocations.push({ facilityId: match.facility.id, places });
      remaining -= places;
    }
  }
  return remaining === 0 ? allocations : null;
}

/**
 * Whether a match that is not placeable now may still be held now: its placing authority is open
 * (so the placement itself is allowed now, domain.md §5 rules 1-2) and only the shelter's own
 * intake is closed, opening again within the horizon. Domain.md §5 rule 3 says "a hold made when
 * the shelter's intake is closed expires relative to its next opening, not the wall clock": such
 * holds are meant to exist, so the person is promised the place now and the shelter gets its hold
 * time from its opening (holdExpiresAt). Neither domain.md nor the seed documents name a kind
 * that may not be held while its intake is closed; a kind whose *authority* is closed (COSM and
 * OMM outside CoMensha's hours, 000:2136-2139) still waits, as rule 2 requires.
 */
function holdableWhileIntakeClosed(match: FacilityMatch, input: DecisionInput): boolean {
  if (match.placeableNow) return false;
  const { facility } = match;
  return (
    isOpen(input.authorityHours[facility.placingAuthority], input.at) &&
    !isOpen(facility.intakeHours, input.at) &&
    findNextOpening(facility.intakeHours, input.at) !== null
  );
}

function waitFor(best: FacilityMatch | undefined, input: DecisionInput): PlacementDecision {
  const { result, groupSize } = input;
  if (best && !best.placeableNow) {
    const authorityOpen = isOpen(input.authorityHours[best.facility.placingAuthority], input.at);
    return {
      kind: 'WAIT',
      reason: authorityOpen ? WaitingReason.INTAKE_CLOSED : WaitingReason.AUTHORITY_CLOSED,
      nextAttemptAt: best.placeableAt,
      // Only a closed authority puts the request on that authority's worklist.
      waitingForAuthority: authorityOpen ? null : best.facility.placingAuthority,
    };
  }
  const evidence = input.evidence ?? exclusionEvidence(result.excluded);
  const fullOnly = evidence.onlyForCapacity;
  const groupOnly = evidence.onlyForCapacityOrGroupSize;
  return {
    kind: 'WAIT',
    reason:
      best || fullOnly
        ? WaitingReason.NO_CAPACITY
        : groupSize > 1 && groupOnly
          ? WaitingReason.GROUP_TOO_LARGE
          : WaitingReason.NO_SUITABLE_PLACE,
    nextAttemptAt: null,
    waitingForAuthority: null,
  };
}

/** The one authority that decides every kind the request is limited to, when that is not the requester. */
function soleAuthorityOf(input: DecisionInput): PlacingAuthority | null {
  if (input.types.length === 0 || !input.capacities) return null;
  const table = input.authorityTable ?? DEFAULT_AUTHORITY_TABLE;
  const authorities = new Set(input.types.map((type) => table[type].decidedBy));
  const [only] = authorities;
  const own = input.types.some((type) => authorityVerdict(type, input.capacities!, table) === AuthorityVerdict.OFFER);
  return authorities.size === 1 && !own && table[input.types[0]].otherwise === AuthorityVerdict.WORKLIST ? only : null;
}

/** The requester's verdict on each match: whether it is theirs to offer, another authority's, or never theirs. */
function verdicts(input: DecisionInput): (match: FacilityMatch) => AuthorityVerdict {
  const table = input.authorityTable ?? DEFAULT_AUTHORITY_TABLE;
  const capacities = input.capacities;
  if (!capacities) return () => AuthorityVerdict.OFFER;
  return (match) => authorityVerdict(placementKindOf(match.facility), capacities, table);
}

/**
 * The decision for one attempt. `result` is the match for the whole group; `splitResult`, when
 * given, is the same profile matched for one person, used to split a group no single facility can take.
 *
 * Who decides comes first (domain.md §5a): places the requester may never be given are not
 * considered at all (no decision names a noodbed to a zorgcoördinator); when the best suitable place
 * belongs to another authority the request goes on that authority's worklist, with an interim
 * place now when it is urgent; only places the requester is the authority for are offered.
 */
export function decidePlacement(input: DecisionInput, splitResult?: MatchResult): PlacementDecision {
  if (input.awaitingRouteDecision) {
    return { kind: 'WAIT', reason: WaitingReason.AWAITING_ROUTE_DECISION, nextAttemptAt: null, waitingForAuthority: null };
  }
  const verdictOf = verdicts(input);
  const considered = (res: MatchResult, withTypes: boolean) =>
    (withTypes
      ? eligibleMatches({ ...input, result: res })
      : res.matches.filter((m) => !input.skipFacilityIds.has(m.facility.id))
    ).filter((match) => verdictOf(match) !== AuthorityVerdict.NEVER);
  const matches = considered(input.result, !input.noodbed);
  const own = matches.filter((match) => verdictOf(match) === AuthorityVerdict.OFFER);
  const decision = input.noodbed
    ? decideNoodbed(input, matches, own, splitResult && splitFor(considered(splitResult, false), verdictOf))
    : decideFor(input, matches, own, splitResult && considered(splitResult, true));
  if (input.interimArrived === false && decision.kind !== 'WAIT') {
    // One person, one place: the onward place is held only once she is in the interim one.
    return { kind: 'WAIT', reason: WaitingReason.INTERIM_NOT_ARRIVED, nextAttemptAt: null, waitingForAuthority: null };
  }
  return decision;
}

/** Hold the first of `bridges` (open now) while the request waits for `onward`'s kind. */
function bridgeTo(bridges: readonly FacilityMatch[], onward: FacilityMatch, input: DecisionInput): PlacementDecision {
  return {
    kind: 'BRIDGE',
    allocations: [{ facilityId: bridges[0].facility.id, places: input.groupSize }],
    alternatives: bridges.slice(1).map((m) => m.facility.id),
    onwardTypes: [onward.facility.type],
    onwardPlaceableAt: onward.placeableAt,
  };
}

function awaitAuthority(best: FacilityMatch, input: DecisionInput): PlacementDecision {
  const authorityOpen = isOpen(input.authorityHours[best.facility.placingAuthority], input.at);
  return {
    kind: 'WAIT',
    reason: WaitingReason.AWAITING_AUTHORITY,
    // While the authority is closed the request is tried again at its opening (a bridge may have
    // become possible, or the place gone); while it is open the authority acts.
    nextAttemptAt: authorityOpen ? null : best.placeableAt,
    waitingForAuthority: best.facility.placingAuthority,
    waitingForOrganisation:
      input.fallbackAuthority?.authority === best.facility.placingAuthority ? input.fallbackAuthority.organisation : null,
    waitingForKind: best.facility.type,
  };
}

/** Nothing suits her at all: she waits on the worklist of who decides for her anyway (a minor: youth care). */
function fallbackWait(fallback: FallbackAuthority): PlacementDecision {
  return {
    kind: 'WAIT',
    reason: WaitingReason.AWAITING_AUTHORITY,
    nextAttemptAt: null,
    waitingForAuthority: fallback.authority,
    waitingForOrganisation: fallback.organisation,
    waitingForKind: ShelterType.JEUGDZORG,
  };
}

function decideFor(
  input: DecisionInput,
  matches: FacilityMatch[],
  own: FacilityMatch[],
  splitMatches: FacilityMatch[] | undefined,
): PlacementDecision {
  const best = matches[0];
  const urgent = input.urgency !== Urgency.PLANNED;
  if (best && !own.includes(best)) {
    // Another authority's place is the best for her: its worklist decides. Urgent: an interim
    // place she may be given now meanwhile, the onward request on the worklist (000:2136-2139).
    const authorityClosed = !isOpen(input.authorityHours[best.facility.placingAuthority], input.at);
    const bridgeNow = urgent && input.mayBridge && (input.urgency === Urgency.ACUTE || authorityClosed);
    const bridges = own.filter((match) => match.placeableNow && input.bridgeKinds.includes(match.facility.type));
    if (bridgeNow && bridges.length > 0) return bridgeTo(bridges, best, input);
    return awaitAuthority(best, input);
  }
  const kindsAuthority = soleAuthorityOf(input);
  if (!best && kindsAuthority) {
    // Restricted to kinds another authority decides (an onward request to COSM) and none free:
    // it waits on that authority's worklist all the same, "also when COSM is full" (domain.md §5a).
    return {
      kind: 'WAIT',
      reason: WaitingReason.AWAITING_AUTHORITY,
      nextAttemptAt: null,
      waitingForAuthority: kindsAuthority,
      waitingForOrganisation: null,
      waitingForKind: input.types.length === 1 ? input.types[0] : null,
    };
  }
  if (!best && input.fallbackAuthority) return fallbackWait(input.fallbackAuthority);
  const verdictOf = verdicts(input);
  return decideOwn(
    input,
    own,
    splitMatches?.filter((match) => verdictOf(match) === AuthorityVerdict.OFFER),
  );
}

/** The one-person match of a group: every place considered, and those the requester may hold. */
interface SplitMatches {
  all: readonly FacilityMatch[];
  own: readonly FacilityMatch[];
}

function splitFor(all: FacilityMatch[], verdictOf: (match: FacilityMatch) => AuthorityVerdict): SplitMatches {
  return { all, own: all.filter((match) => verdictOf(match) === AuthorityVerdict.OFFER) };
}

/**
 * The noodbed call (police, any hour): exactly one place to drive to. A suitable structural place
 * the police may take that is open and free now comes first (the noodbed is for when "er niet
 * direct een opvangplek beschikbaar is", 002:763-765), else the noodbed. An onward kind is named
 * when the place held is an interim one and a better kind exists (a noodbed; VO for a woman in
 * bedenktijd, who moves on to COSM): the onward request then waits until she is there.
 *
 * Nearness before kind: the documents are silent on distance, and an officer at 03:00 expects the
 * region's own free noodbed before a structural place a province away, so the order is a
 * structural place in her region, the region's noodbed, a structural place elsewhere, a noodbed
 * elsewhere (`placesToDriveTo`).
 */
function decideNoodbed(
  input: DecisionInput,
  matches: FacilityMatch[],
  own: FacilityMatch[],
  split: SplitMatches | undefined,
): PlacementDecision {
  const open = own.filter((match) => match.placeableNow);
  const { chosen, structural } = placesToDriveTo(open, input.regionCode ?? null);
  if (chosen.length === 0) {
    const spread = input.groupSize > 1 && split ? groupToDriveTo(split, input) : null;
    if (spread) return spread;
    const best = matches[0];
    if (best && !own.includes(best)) return awaitAuthority(best, input);
    if (!best && input.fallbackAuthority) return fallbackWait(input.fallbackAuthority);
    return waitFor(best, input);
  }
  const held = chosen[0];
  const onward = onwardKinds(matches, held, input.bridgeKinds);
  const allocations = [{ facilityId: held.facility.id, places: input.groupSize }];
  const alternatives = chosen
    .slice(1)
    .filter((m) => m.facility.type === held.facility.type || !structural)
    .map((m) => m.facility.id);
  if (!onward) return { kind: 'OFFER', allocations, alternatives };
  return { kind: 'BRIDGE', allocations, alternatives, onwardTypes: onward.types, onwardPlaceableAt: onward.at };
}

/**
 * A police call for a group no single place can take: the group split over the fewest structural
 * places open now serving her region (planGroupAllocation), as a coordinator's group is split.
 * Only places where they can stay: a noodbed or an interim place opens an onward request, and so
 * does a VO/MO place when a better kind suits them (NLA crisis for a labour group). A split group's
 * shares arrive one by one while its onward request would hold places for all of them at its first
 * arrival (red team: two women held an interim and an NLA place at once), so a group that would
 * only pass through waits for that kind instead. And only in her region: a group scattered over
 * places across the country in the night is not a place to drive to (red team: fifty held in thirty
 * regions). A group this cannot place waits and is escalated to the region's coordinators.
 */
function groupToDriveTo(split: SplitMatches, input: DecisionInput): PlacementDecision | null {
  const serving = split.own.filter(
    (match) =>
      match.placeableNow && isStructural(match) && !match.interimFor?.length && servesRegion(match, input.regionCode ?? null),
  );
  const allocations = planGroupAllocation(serving, input.groupSize);
  if (!allocations) return null;
  // Every place allocated is structural and not interim by the bedenktijd rule: they would all
  // move on alike, when a better kind suits them.
  const first = serving.find((match) => match.facility.id === allocations[0].facilityId)!;
  return onwardKinds(split.all, first, input.bridgeKinds) ? null : { kind: 'OFFER', allocations, alternatives: [] };
}

/** A place she can be given as a structural one: anything but a noodbed. */
const isStructural = (match: FacilityMatch): boolean => match.facility.type !== ShelterType.NOODBED;

/** Whether a place serves `regionCode` (null: any): it lies there, or names it as where its victims are found. */
function servesRegion(match: FacilityMatch, regionCode: string | null): boolean {
  if (regionCode === null) return true;
  const same = (code: string) => code.toUpperCase() === regionCode.toUpperCase();
  return same(match.facility.regionCode) || match.facility.eligibility.foundInRegionCodes.some(same);
}

/**
 * The open places the noodbed call chooses among, best first, and whether they are structural
 * ones: the first non-empty of a structural place serving `regionCode`, a noodbed serving it, a
 * structural place anywhere, any open place. A place serves a region it lies in or one it names
 * as where its victims are found (the Humanitas noodbed in Rotterdam serves Zuid-Holland Zuid too,
 * 002:749-753). Without a region, structural before noodbed at any distance.
 */
export function placesToDriveTo(
  open: readonly FacilityMatch[],
  regionCode: string | null,
): { chosen: FacilityMatch[]; structural: boolean } {
  const inRegion = (match: FacilityMatch) => servesRegion(match, regionCode);
  const tiers: [FacilityMatch[], boolean][] = [
    [open.filter((match) => isStructural(match) && inRegion(match)), true],
    [open.filter((match) => !isStructural(match) && inRegion(match)), false],
    [open.filter(isStructural), true],
    [[...open], false],
  ];
  const [chosen, structural] = tiers.find(([places]) => places.length > 0) ?? [[], false];
  return { chosen, structural };
}

/**
 * The kinds to move on to from an interim place `held`: the best suitable kind that is not an
 * interim kind (COSM, OMM, NLA crisis, youth care); else, after a noodbed, the regular kinds
 * (the noodbed is "tot structurele opvang beschikbaar is", 002:765-767); else none: a VO/MO place
 * is where she can stay.
 */
export function onwardKinds(
  matches: readonly FacilityMatch[],
  held: FacilityMatch,
  bridgeKinds: readonly ShelterType[],
): { types: ShelterType[]; at: Date } | null {
  if (held.interimFor?.length) return { types: [...held.interimFor], at: held.placeableAt };
  const better = matches.find((match) => !bridgeKinds.includes(match.facility.type));
  if (better) return { types: [better.facility.type], at: better.placeableAt };
  if (held.facility.type !== ShelterType.NOODBED) return null;
  const regular = matches.find((match) => match.facility.type !== ShelterType.NOODBED);
  return {
    types: regular ? [regular.facility.type] : [ShelterType.VROUWENOPVANG, ShelterType.MAATSCHAPPELIJKE_OPVANG],
    at: regular?.placeableAt ?? held.placeableAt,
  };
}

/** The decision among the places the requester is the authority for (the workflow before §5a). */
function decideOwn(input: DecisionInput, matches: FacilityMatch[], splitMatches: FacilityMatch[] | undefined): PlacementDecision {
  const best = matches[0];
  const placeableNow = matches.filter((match) => match.placeableNow);

  if (best?.placeableNow && best.interimFor?.length && input.mayBridge) {
    // Suitable only as an interim place (VO/MO for a woman in bedenktijd, 000:2136-2139): she
    // stays there while the onward request waits for its kind, also when that kind is full.
    return {
      kind: 'BRIDGE',
      allocations: [{ facilityId: best.facility.id, places: input.groupSize }],
      alternatives: placeableNow
        .slice(1)
        .filter((m) => m.interimFor?.length)
        .map((m) => m.facility.id),
      onwardTypes: [...best.interimFor],
      onwardPlaceableAt: input.at,
    };
  }
  if (best?.placeableNow) {
    return {
      kind: 'OFFER',
      allocations: [{ facilityId: best.facility.id, places: input.groupSize }],
      alternatives: placeableNow.slice(1).map((m) => m.facility.id),
    };
  }
  const urgent = input.urgency !== Urgency.PLANNED;
  if (best && urgent && input.mayBridge && !input.bridgeKinds.includes(best.facility.type)) {
    const bridges = placeableNow.filter((match) => input.bridgeKinds.includes(match.facility.type));
    if (bridges.length > 0) return bridgeTo(bridges, best, input);
  }
  if (!best && input.groupSize > 1 && splitMatches) {
    const allocations = planGroupAllocation(
      splitMatches.filter((match) => match.placeableNow),
      input.groupSize,
    );
    if (allocations) return { kind: 'OFFER', allocations, alternatives: [] };
  }
  if (best && urgent && placeableNow.length > 0 && !input.mayBridge) {
    // A follow-up request that is urgent takes the best place open now of its kinds.
    return {
      kind: 'OFFER',
      allocations: [{ facilityId: placeableNow[0].facility.id, places: input.groupSize }],
      alternatives: placeableNow.slice(1).map((m) => m.facility.id),
    };
  }
  if (best && holdableWhileIntakeClosed(best, input)) {
    // Promised now, the hold's time counted from the shelter's opening (holdableWhileIntakeClosed).
    return {
      kind: 'OFFER',
      allocations: [{ facilityId: best.facility.id, places: input.groupSize }],
      alternatives: matches
        .slice(1)
        .filter((match) => match.placeableNow || holdableWhileIntakeClosed(match, input))
        .map((match) => match.facility.id),
    };
  }
  return waitFor(best, input);
}

/** Statuses from which the matching job may (re)start work on a request. */
export const MATCHABLE_STATUSES: readonly PlacementStatus[] = [
  PlacementStatus.RECEIVED,
  PlacementStatus.MATCHING,
  PlacementStatus.WAITING,
];
