/**
 * Her profile over time (issue 14): the changes a coordinator records (aangifte made, a B8 status
 * that changes, care needs found, a threat that grows, regions to keep away from), and what each
 * change means for her request. Pure: no framework, no I/O.
 */
import { compareLocalDates, localDateOf, parseLocalDate, startOfLocalDay } from '../calendar/wall-clock';
import { B8Status, PlacementStatus } from '../enums';
import type { FacilitySnapshot } from '../eligibility/context';
import { evaluateEligibility, PROFILE_RULES } from '../eligibility/evaluate';
import type { ExclusionReason } from '../eligibility/exclusion';
import { groupSizeRule } from '../eligibility/rules/group-size.rule';
import { interimOnlyFor, REGULAR_SHELTER_KINDS } from '../eligibility/rules/residence-status.rule';
import type { MatchingConfig } from '../matching-config';
import { bedenktijdEnd, type VictimProfile } from '../profile';

/**
 * The fields that change over time and may be recorded as a change. Not who she is (gender,
 * exploitation types), where she was found or is registered, nor the group's size: those make it
 * another request, not a change of this one.
 */
export const CHANGEABLE_PROFILE_FIELDS = [
  'age',
  'minor',
  'unaccompanied',
  'residenceStatus',
  'b8Status',
  'bedenktijdStart',
  'aangifte',
  'careNeeds',
  'accompanyingChildren',
  'threatLevel',
  'excludedRegionCodes',
  'homeRegionCode',
  'languages',
] as const satisfies readonly (keyof VictimProfile)[];

export type ProfileChange = Partial<Pick<VictimProfile, (typeof CHANGEABLE_PROFILE_FIELDS)[number]>>;

/** The changeable fields shown to no one (the profile summary leaves them out). */
const HIDDEN_PROFILE_FIELDS: ReadonlySet<string> = new Set(['age', 'minor', 'residenceStatus', 'b8Status', 'bedenktijdStart']);

/**
 * Fields the profile's checks compare with each other (validateProfile: minor with age, a B8 status
 * with the residence status, a bedenktijd's start with the B8 status). A change that gives one of
 * `given` names every field of `together`, so a refusal depends only on what the caller sent: her
 * recorded age, residence status and B8 status are shown to no one (the summary leaves them out),
 * and a check against them would answer yes or no about them (red team N5).
 */
const CHECKED_TOGETHER: readonly { given: readonly (keyof ProfileChange)[]; together: readonly (keyof ProfileChange)[] }[] = [
  { given: ['age', 'minor'], together: ['age', 'minor'] },
  { given: ['residenceStatus', 'b8Status', 'bedenktijdStart'], together: ['residenceStatus', 'b8Status'] },
];

/** The first field a change must give because it gives another it is checked with; null when none is missing. */
export function missingCompanionField(change: ProfileChange): { field: string; givenWith: string } | null {
  for (const { given, together } of CHECKED_TOGETHER) {
    const named = given.find((field) => change[field] !== undefined);
    const missing = named && together.find((field) => change[field] === undefined);
    if (named && missing) return { field: missing, givenWith: named };
  }
  return null;
}

export interface AppliedProfileChange {
  profile: VictimProfile;
  /**
   * The names of the fields recorded, in CHANGEABLE_PROFILE_FIELDS order: those whose value changed,
   * and every hidden field given (age, minor, residence and B8 status, bedenktijd start), changed or not.
   */
  changed: string[];
  /** The changed fields' values before and after (sealed by the caller: they are about her). */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The profile with `change` applied: a field left out (undefined) stays as it is, a field given
 * as null is cleared. A B8 status other than BEDENKTIJD clears the bedenktijd's start (it no
 * longer runs), unless the change gives one.
 */
export function applyProfileChange(profile: VictimProfile, change: ProfileChange): AppliedProfileChange {
  const next: VictimProfile = { ...profile };
  for (const field of CHANGEABLE_PROFILE_FIELDS) {
    if (change[field] !== undefined) (next as unknown as Record<string, unknown>)[field] = change[field];
  }
  if (change.b8Status !== undefined && change.b8Status !== B8Status.BEDENKTIJD && change.bedenktijdStart === undefined)
    next.bedenktijdStart = null;
  // A list given twice over says nothing more: kept once each, so the history shows no change that is none.
  for (const field of ['languages', 'excludedRegionCodes'] as const) {
    const list = next[field];
    if (Array.isArray(list)) next[field] = [...new Set(list)];
  }
  // A field no one is shown is recorded whenever it is given, changed or not: "nothing changed"
  // would confirm a guess of her age or status (red team, fourth pass N4).
  const changed = CHANGEABLE_PROFILE_FIELDS.filter(
    (field) => !same(profile[field], next[field]) || (HIDDEN_PROFILE_FIELDS.has(field) && change[field] !== undefined),
  );
  const pick = (p: VictimProfile) => Object.fromEntries(changed.map((field) => [field, p[field] ?? null]));
  return { profile: next, changed, before: pick(profile), after: pick(next) };
}

/** When her bedenktijd ends (the first moment no longer in it, 003:661), or null when she is not in one with a known start. */
export function bedenktijdEndsAt(profile: Pick<VictimProfile, 'b8Status' | 'bedenktijdStart'> | null): Date | null {
  if (profile?.b8Status !== B8Status.BEDENKTIJD || !profile.bedenktijdStart) return null;
  if (!parseLocalDate(profile.bedenktijdStart)) return null;
  return startOfLocalDay(parseLocalDate(bedenktijdEnd(profile.bedenktijdStart))!);
}

/**
 * Whether a bedenktijd that started on `start` (YYYY-MM-DD) is already over at `now`: it lasts at
 * most three months (003:661). False for a start that is not a date or lies in the future: the
 * profile's own checks refuse those, naming the field.
 */
export function bedenktijdIsOver(start: string, now: Date): boolean {
  const date = parseLocalDate(start);
  if (!date || compareLocalDates(date, localDateOf(now)) > 0) return false;
  return bedenktijdEndsAt({ b8Status: B8Status.BEDENKTIJD, bedenktijdStart: start })! <= now;
}

/**
 * The sweep warns of a bedenktijd's end `alertDays` ahead of it, once (BEDENKTIJD_ALERT_DAYS):
 * every bedenktijd not yet warned of that ends at or before this moment is warned of now.
 */
export function bedenktijdAlertHorizon(now: Date, alertDays: number): Date {
  return new Date(now.getTime() + alertDays * 24 * 3_600_000);
}

/** Statuses in which her profile may still change: the request is not over. */
export function mayChangeProfile(status: PlacementStatus): boolean {
  return status !== PlacementStatus.ENDED && status !== PlacementStatus.CANCELLED;
}

/**
 * What a profile change does to her request, in the same transaction:
 * - waiting for a place (RECEIVED, MATCHING, WAITING, also on an authority's worklist): matched
 *   again with the new profile (a new attempt, so a match running on the old profile is ignored);
 * - a place offered or accepted that no longer fits: the offer is withdrawn (the places go back)
 *   and she is matched again; one that still fits is kept;
 * - PLACED where the place no longer fits (COSM after a B8 permit, 000:2131-2134; a region now
 *   excluded): a transfer is opened (PROFILE_CHANGED), she keeps her place until she arrives;
 *   a place that still fits: nothing.
 * `misfit`: the eligibility rules' reasons her place no longer fits (empty: it fits), null when
 * she holds no place.
 */
export type ProfileReevaluation =
  | { kind: 'REMATCH' }
  | { kind: 'WITHDRAW_OFFER'; reasons: ExclusionReason[] }
  | { kind: 'TRANSFER'; reasons: ExclusionReason[] }
  | { kind: 'NOTHING' };

export function reevaluateAfterProfileChange(status: PlacementStatus, misfit: ExclusionReason[] | null): ProfileReevaluation {
  switch (status) {
    case PlacementStatus.RECEIVED:
    case PlacementStatus.MATCHING:
    case PlacementStatus.WAITING:
      return { kind: 'REMATCH' };
    case PlacementStatus.OFFERED:
    case PlacementStatus.ACCEPTED:
      return misfit?.length ? { kind: 'WITHDRAW_OFFER', reasons: misfit } : { kind: 'NOTHING' };
    case PlacementStatus.PLACED:
      return misfit?.length ? { kind: 'TRANSFER', reasons: misfit } : { kind: 'NOTHING' };
    default:
      return { kind: 'NOTHING' };
  }
}

/**
 * Why the places she holds no longer fit her profile (empty: they fit), by the eligibility rules
 * about who she is (not live capacity: she holds her place; not the group's size: a group split
 * over facilities holds each share as it was matched).
 */
export function placeMisfits(
  profile: VictimProfile,
  facilities: readonly FacilitySnapshot[],
  at: Date,
  config: MatchingConfig,
): ExclusionReason[] {
  const rules = PROFILE_RULES.filter((rule) => rule !== groupSizeRule);
  return facilities.flatMap((facility) => evaluateEligibility({ profile, facility, at, config }, rules));
}

/**
 * What a profile change means for an onward request (it follows an interim place, for `types`
 * such as [COSM]) that would be matched again:
 * - KEEP: some facility of its kinds still fits her, so it is matched again as it is;
 * - NOT_NEEDED: no facility of its kinds fits her any more (COSM after a B8 permit, 000:2131-2134),
 *   and the regular place (VO/MO) she is in now fits as her own place, no longer only an interim
 *   one: the onward request is cancelled;
 * - ANY_KIND: its kinds no longer fit, and she is not (yet) in a place that fits: matched again
 *   for any kind.
 * `kindFacilities`: the register's facilities of the onward kinds; `interim`: the facilities of
 * the place she is in (null when she has not arrived there).
 */
export type OnwardReevaluation = 'KEEP' | 'NOT_NEEDED' | 'ANY_KIND';

export function onwardAfterProfileChange(
  profile: VictimProfile,
  kindFacilities: readonly FacilitySnapshot[],
  interim: readonly FacilitySnapshot[] | null,
  at: Date,
  config: MatchingConfig,
): OnwardReevaluation {
  if (kindFacilities.some((facility) => placeMisfits(profile, [facility], at, config).length === 0)) return 'KEEP';
  const herPlace =
    interim !== null &&
    interim.length > 0 &&
    interim.every(
      (facility) =>
        REGULAR_SHELTER_KINDS.includes(facility.type) && interimOnlyFor(profile, facility.type, config, at) === undefined,
    ) &&
    placeMisfits(profile, interim, at, config).length === 0;
  return herPlace ? 'NOT_NEEDED' : 'ANY_KIND';
}
