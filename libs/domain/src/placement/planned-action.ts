import { ExploitationType, Gender, ResidenceStatus } from '../enums';
import type { VictimProfile } from '../profile';

/**
 * Planned actions (issue 14): a raid or inspection whose shelter is arranged beforehand, "bij
 * voorbereiding handhavingsactie zorg en opvang slachtoffers expliciet meenemen (via
 * zorgcoördinator)" (003:493-496), so that nobody ends up "op straat" (004:6066-6077).
 */

/** Whom the action is planned for: the organisation that carries it out. */
export enum ActionPartner {
  AVIM = 'AVIM',
  KMAR = 'KMAR',
  NLA = 'NLA',
  /** The municipality's aandachtsfunctionaris mensenhandel. */
  AANDACHTSFUNCTIONARIS = 'AANDACHTSFUNCTIONARIS',
}

export enum PlannedActionStatus {
  /** Places are reserved for the window; nothing real exists yet. */
  PLANNED = 'PLANNED',
  /** The window has started: the expected people are placement requests. */
  STARTED = 'STARTED',
  /** The window has ended: what was not used is released. */
  ENDED = 'ENDED',
  CANCELLED = 'CANCELLED',
}

export enum ReservationState {
  /** Counted against capacity inside the window only. */
  RESERVED = 'RESERVED',
  /** Turned into real holds of the action's requests at the window's start. */
  CONVERTED = 'CONVERTED',
  RELEASED = 'RELEASED',
  /**
   * Settled at the window's start, but not every place could be held: taken before the window
   * (outside it, a reserved place is free for everyone) or by another action that started first.
   * Shown only; stored as CONVERTED with its not-held count.
   */
  TAKEN_BEFORE_START = 'TAKEN_BEFORE_START',
}

/** Why some expected people of an outline have no reserved place. */
export enum ShortfallReason {
  /** Suitable places exist, but too few are free at the window's start. */
  NO_CAPACITY = 'NO_CAPACITY',
  /** A suitable kind does not take people at the window's start (its authority's hours, e.g. COSM at night). */
  CLOSED_AT_START = 'CLOSED_AT_START',
  /** A suitable kind is placed by another authority (COSM/OMM: CoMensha; youth care; NLA): it decides when the action starts. */
  OTHER_AUTHORITY_DECIDES = 'OTHER_AUTHORITY_DECIDES',
  /** Nothing in the register suits this outline (see the matcher's advice). */
  NO_SUITABLE_PLACE = 'NO_SUITABLE_PLACE',
  /** A reserved place could not be held at the window's start (see ReservationState.TAKEN_BEFORE_START). */
  TAKEN_BEFORE_START = 'TAKEN_BEFORE_START',
}

/** Expected people alike enough to be matched as one: pseudonymous, no names, no free text. */
export interface ExpectedPeopleOutline {
  count: number;
  gender: Gender;
  minor: boolean;
  exploitationTypes: ExploitationType[];
  residenceStatus?: ResidenceStatus | null;
}

/** Limits of a plan, configuration with these defaults (not in the documents). */
export interface PlannedActionLimits {
  /** The longest window: a raid and its aftercare take a night, not a week. */
  maxWindowHours: number;
  /** How far ahead an action may be planned. */
  maxLeadDays: number;
  /** People per outline, and per action. */
  maxPeople: number;
  maxOutlines: number;
  /**
   * Places one organisation may have reserved at once, over all its actions whose windows overlap:
   * one large raid fits, but nobody can hold the country's places by planning action after action.
   */
  maxReservedPerOrganisation: number;
}

export const DEFAULT_PLANNED_ACTION_LIMITS: PlannedActionLimits = {
  maxWindowHours: 72,
  maxLeadDays: 90,
  maxPeople: 200,
  maxOutlines: 20,
  maxReservedPerOrganisation: 200,
};

/** An organisation's code as in its tokens and webhooks (e.g. avim-rotterdam): lower-case letters, digits, hyphens. */
const ORGANISATION_CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function isOrganisationCode(text: string): boolean {
  return ORGANISATION_CODE.test(text);
}

export interface PlannedActionFacts {
  startsAt: Date;
  endsAt: Date;
  outlines: ExpectedPeopleOutline[];
}

export interface FieldViolation {
  field: string;
  message: string;
}

const HOUR = 3_600_000;

/** What is wrong with a plan, first the window then the outlines; empty when nothing is. */
export function validatePlannedAction(
  facts: PlannedActionFacts,
  now: Date,
  limits: PlannedActionLimits = DEFAULT_PLANNED_ACTION_LIMITS,
): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const { startsAt, endsAt, outlines } = facts;
  if (Number.isNaN(startsAt.getTime())) violations.push({ field: 'startsAt', message: 'startsAt is not a valid moment' });
  else if (startsAt.getTime() <= now.getTime())
    violations.push({ field: 'startsAt', message: 'startsAt must be in the future: plan an action before it starts' });
  else if (startsAt.getTime() - now.getTime() > limits.maxLeadDays * 24 * HOUR)
    violations.push({ field: 'startsAt', message: `startsAt must be within ${limits.maxLeadDays} days from now` });
  if (Number.isNaN(endsAt.getTime())) violations.push({ field: 'endsAt', message: 'endsAt is not a valid moment' });
  else if (endsAt.getTime() <= startsAt.getTime()) violations.push({ field: 'endsAt', message: 'endsAt must be after startsAt' });
  else if (endsAt.getTime() - startsAt.getTime() > limits.maxWindowHours * HOUR)
    violations.push({ field: 'endsAt', message: `the window may last at most ${limits.maxWindowHours} hours` });
  if (outlines.length === 0) violations.push({ field: 'expected', message: 'expected needs at least one outline of people' });
  if (outlines.length > limits.maxOutlines)
    violations.push({ field: 'expected', message: `expected may have at most ${limits.maxOutlines} outlines` });
  outlines.forEach((outline, i) => {
    if (!Number.isInteger(outline.count) || outline.count < 1 || outline.count > limits.maxPeople)
      violations.push({ field: `expected[${i}].count`, message: `count must be a whole number from 1 to ${limits.maxPeople}` });
    if (outline.exploitationTypes.length === 0)
      violations.push({ field: `expected[${i}].exploitationTypes`, message: 'give at least one exploitation type' });
  });
  const total = outlines.reduce((sum, outline) => sum + (Number.isInteger(outline.count) ? outline.count : 0), 0);
  if (total > limits.maxPeople && violations.length === 0)
    violations.push({ field: 'expected', message: `an action may expect at most ${limits.maxPeople} people in all` });
  return violations;
}

/** The profile an outline's people are matched with, and their requests start with until the coordinator completes them. */
export function outlineProfile(outline: ExpectedPeopleOutline): VictimProfile {
  return {
    gender: outline.gender,
    minor: outline.minor,
    exploitationTypes: [...outline.exploitationTypes],
    residenceStatus: outline.residenceStatus ?? ResidenceStatus.UNKNOWN,
  };
}

/** A facility the matcher found for an outline, with the places still free for reservations at the window's start. */
export interface ReservationCandidate {
  facilityId: string;
  /** Free in the register now; other actions' reservations are not subtracted (they stay confidential). */
  free: number;
  /** The planner's authority may place here without another authority deciding (domain.md §5a). */
  automatic: boolean;
  /** Its kind takes people at the window's start. */
  openAtStart: boolean;
}

export interface ReservationPlan {
  allocations: { facilityId: string; places: number }[];
  shortfall: { count: number; reasons: ShortfallReason[] };
}

/**
 * Which places to reserve for `count` people, best candidates first (the matcher's order): as many
 * as each reservable facility has free, so a group stays together where it can (003:484). What is
 * left is the shortfall, with every reason that stood in the way.
 */
export function planReservations(count: number, candidates: readonly ReservationCandidate[]): ReservationPlan {
  const allocations: { facilityId: string; places: number }[] = [];
  let left = count;
  const reasons = new Set<ShortfallReason>();
  for (const candidate of candidates) {
    if (!candidate.automatic) {
      reasons.add(ShortfallReason.OTHER_AUTHORITY_DECIDES);
      continue;
    }
    if (!candidate.openAtStart) {
      reasons.add(ShortfallReason.CLOSED_AT_START);
      continue;
    }
    if (left === 0) continue;
    const places = Math.min(left, Math.max(0, candidate.free));
    if (places === 0) {
      reasons.add(ShortfallReason.NO_CAPACITY);
      continue;
    }
    allocations.push({ facilityId: candidate.facilityId, places });
    left -= places;
  }
  if (left === 0) return { allocations, shortfall: { count: 0, reasons: [] } };
  if (candidates.length === 0) reasons.add(ShortfallReason.NO_SUITABLE_PLACE);
  else if (reasons.size === 0) reasons.add(ShortfallReason.NO_CAPACITY);
  return { allocations, shortfall: { count: left, reasons: [...reasons].sort() } };
}

/** Whether `at` lies inside the window [startsAt, endsAt). */
export function insideWindow(window: { startsAt: Date; endsAt: Date }, at: Date): boolean {
  return window.startsAt.getTime() <= at.getTime() && at.getTime() < window.endsAt.getTime();
}

/** A reservation's places, as stored: how many, and how they were settled at the window's start. */
export interface ReservationCounts {
  places: number;
  converted: number;
  notHeld: number;
  state: ReservationState;
}

/** The state a reservation is shown in: one with places that could not be held says so. */
export function shownReservationState(reservation: ReservationCounts): ReservationState {
  if (reservation.notHeld > 0 && reservation.state !== ReservationState.RESERVED) return ReservationState.TAKEN_BEFORE_START;
  return reservation.state;
}

/**
 * Reservations at facilities the caller may not locate, as one row: their sum, no facility, so no
 * secret facility's free places (what a large plan reserves there) leave the API (red team F2).
 * Null when there are none. Its state is the least settled of theirs.
 */
export function mergedReservation(reservations: readonly ReservationCounts[]): ReservationCounts | null {
  if (reservations.length === 0) return null;
  const states = reservations.map(shownReservationState);
  const state = [
    ReservationState.RESERVED,
    ReservationState.TAKEN_BEFORE_START,
    ReservationState.CONVERTED,
    ReservationState.RELEASED,
  ].find((candidate) => states.includes(candidate))!;
  return {
    places: reservations.reduce((sum, r) => sum + r.places, 0),
    converted: reservations.reduce((sum, r) => sum + r.converted, 0),
    notHeld: reservations.reduce((sum, r) => sum + r.notHeld, 0),
    state,
  };
}

/**
 * An outline's shortfall as its action's view shows it: as planned until the window starts; from
 * then on, whoever did not get a held place at the start (the rest were matched like anyone else).
 */
export function shownShortfall(
  outline: { count: number; shortfall: { count: number; reasons: ShortfallReason[] } },
  reservations: readonly ReservationCounts[],
  started: boolean,
): { count: number; reasons: ShortfallReason[] } {
  if (!started) return outline.shortfall;
  const held = reservations.reduce((sum, r) => sum + r.converted, 0);
  const reasons = new Set(outline.shortfall.reasons);
  if (reservations.some((r) => r.notHeld > 0)) reasons.add(ShortfallReason.TAKEN_BEFORE_START);
  const count = Math.max(0, outline.count - held);
  return { count, reasons: count === 0 ? [] : [...reasons].sort() };
}
