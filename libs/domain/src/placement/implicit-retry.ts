import { B8Status, ResidenceStatus } from '../enums';
import { MunicipalityDirectory, normaliseMunicipalityName } from '../municipality/municipality-directory';
import { ADULT_AGE, MUNICIPALITY_FIELDS, VictimProfile } from '../profile';
import { GroupMember } from './group-members';

/**
 * A submission without clientReference is recognised as a retry by what it asks for: the same
 * caller sending the same payload again shortly after (a timeout, a reconnect, a double click)
 * means the same person. Two different people with identical payloads (eight men from one raid,
 * registered one by one) are told apart by the caller with a distinct clientReference each, or sent
 * as one group (groupSize / members): the canonical form is only used when no clientReference is given.
 */
export interface ImplicitRetrySubmission {
  /** Which call: a placement request and a noodbed request for the same payload are different submissions. */
  kind: 'placement' | 'noodbed';
  /** The caller: the token subject, as the separation of duties compares it (trimmed, lower case). */
  caller: string;
  /**
   * Who she is: her profile (or the members'), the region and the group's size, read as the service
   * understands them (`personAsUnderstood`). What is asked for her (urgency, kinds, parallel offers,
   * the route decision) is not part of it: a resend that asks otherwise is still her, and a second
   * request would hold her a second place (red team, issue 15, F1). The caller is told when the
   * urgency differs (`urgencyChangeRefusal`).
   */
  payload: unknown;
}

/** Who a submission is for, as sent. */
export interface SubmittedPerson {
  profile: VictimProfile;
  members?: readonly Pick<GroupMember, 'profile'>[] | null;
  regionCode: string;
  groupSize?: number | null;
}

/** A person as understood: her profile, the members' in a fixed order (each member counts: two alike are two people). */
export interface UnderstoodPerson {
  profile: Record<string, unknown>;
  members: Record<string, unknown>[];
  regionCode: string;
  groupSize: number;
}

/** What the service reads a profile's words as: the municipality list and the statuses B8/3 is not for. */
export interface ProfileReading {
  municipalities: Pick<MunicipalityDirectory, 'resolve'>;
  lawfulResidenceStatuses: readonly ResidenceStatus[];
}

/**
 * One string per submission, the same for every way of saying the same thing: object keys sorted at
 * every depth, lists of plain values in order, and a field given as null, as an empty list or at the
 * value the service fills in anyway (a group of 1, no route decision yet) left out, as if not sent
 * (red team, issue 15: a resend with explicit nulls made a second request). Give it the person as
 * understood (`personAsUnderstood`), so that other spellings of the same words agree too.
 */
export function canonicalSubmission(submission: ImplicitRetrySubmission): string {
  return canonicalJson({
    kind: submission.kind,
    caller: submission.caller.trim().toLowerCase(),
    payload: withoutDefaults(submission.payload),
  });
}

/**
 * The person as the service understands her, whatever words the caller chose (red team, issue 15,
 * third pass): each profile read by `profileAsUnderstood`, the group's members in a fixed order and
 * without their labels (pseudonyms the caller picks, not who they are) but each one kept (two alike
 * are two people), the group's size however it was given (the members' count, the request's, the
 * profile's), the region code in capitals.
 */
export function personAsUnderstood(person: SubmittedPerson, reading: ProfileReading): UnderstoodPerson {
  const members = (person.members ?? [])
    .map((member) => profileAsUnderstood(member.profile, reading))
    .map((member) => ({ member, key: comparable(member) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ member }) => member);
  const { groupSize: profileGroupSize, ...profile } = profileAsUnderstood(person.profile, reading);
  const groupSize = members.length > 0 ? members.length : (person.groupSize ?? (profileGroupSize as number | null) ?? 1);
  // With members, the group is its members: the service matches and stores them, never the group's
  // own profile, so a resend that builds that profile otherwise is the same group (red team, issue 15).
  return { profile: members.length > 0 ? {} : profile, members, regionCode: person.regionCode.trim().toUpperCase(), groupSize };
}

/**
 * The members in an order of their own (their profiles as understood, then as listed): the same
 * group however the caller lists it.
 */
export function inUnderstoodOrder<M extends { profile: VictimProfile }>(members: readonly M[], reading: ProfileReading): M[] {
  return members
    .map((member, i) => ({ member, i, key: comparable(profileAsUnderstood(member.profile, reading)) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
    .map(({ member }) => member);
}

/**
 * A profile as the matcher reads it: a municipality as its CBS code (a name, an alias, a code in any
 * case or spacing name the same place), region codes in capitals (the rules compare them so), and a
 * B8/3 status of NOT_APPLICABLE left out beside a lawful residence status (where the rule reads
 * none as NOT_APPLICABLE). A name the list does not know is kept in its compared form.
 */
export function profileAsUnderstood(profile: VictimProfile, reading: ProfileReading): Record<string, unknown> {
  const understood: Record<string, unknown> = { ...profile };
  for (const field of MUNICIPALITY_FIELDS) {
    const name = profile[field];
    if (typeof name === 'string')
      understood[field] = reading.municipalities.resolve(name)?.code ?? normaliseMunicipalityName(name);
  }
  if (Array.isArray(profile.excludedRegionCodes))
    understood.excludedRegionCodes = profile.excludedRegionCodes.map((code) => code.trim().toUpperCase());
  if (typeof profile.homeRegionCode === 'string') understood.homeRegionCode = profile.homeRegionCode.trim().toUpperCase();
  if (
    profile.b8Status === B8Status.NOT_APPLICABLE &&
    profile.residenceStatus != null &&
    reading.lawfulResidenceStatuses.includes(profile.residenceStatus)
  )
    delete understood.b8Status;
  return understood;
}

/**
 * The values that say nothing more than leaving the field out (red team, issue 15, F1 and its
 * confirmation): what the service fills in (a group of 1, no route decision yet), no children with
 * her, and the values the matcher reads a field left out as (residence status unknown, a normal
 * threat, no aangifte, a minor unaccompanied).
 */
const SAID_BY_LEAVING_OUT: Readonly<Record<string, unknown>> = {
  groupSize: 1,
  routeDecided: false,
  // Unknown counts as unaccompanied: Nidos acts "bij de geringste indicatie" (003:695).
  unaccompanied: true,
  accompanyingChildren: 0,
  residenceStatus: 'UNKNOWN',
  threatLevel: 'NORMAL',
  aangifte: 'NONE',
};

/**
 * `value` with nulls, empty lists and values said by leaving them out left out, a `minor` that only
 * repeats her age and whether an adult is `unaccompanied` (it is about minors) left out too, and
 * lists of plain values sorted and each value once.
 */
function withoutDefaults(value: unknown): unknown {
  if (Array.isArray(value)) {
    const list = value.map(withoutDefaults);
    return list.every((entry) => typeof entry !== 'object' || entry === null) ? [...new Set(list)].sort() : list;
  }
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  const record = value as Record<string, unknown>;
  const minorSaysAge = typeof record.age === 'number' && record.minor === record.age < ADULT_AGE;
  const adult = typeof record.age === 'number' ? record.age >= ADULT_AGE : record.minor === false;
  return Object.fromEntries(
    Object.entries(record)
      .filter(
        ([key, entry]) =>
          entry !== null &&
          entry !== undefined &&
          !(Array.isArray(entry) && entry.length === 0) &&
          !(key in SAID_BY_LEAVING_OUT && SAID_BY_LEAVING_OUT[key] === entry) &&
          !(key === 'minor' && minorSaysAge) &&
          !(key === 'unaccompanied' && adult),
      )
      .map(([key, entry]) => [key, withoutDefaults(entry)]),
  );
}

/**
 * Why a resend for her that asks another urgency cannot be answered with her request, or null. The
 * request keeps the urgency it was made with; handing it back as a retry would drop the new urgency
 * silently (and with it an ACUTE request's escalation). So the caller is told, and how to ask
 * (red team, issue 15, F2).
 */
export function urgencyChangeRefusal(stored: { id: string; urgency: string }, asked: { urgency: string }): string | null {
  if (stored.urgency === asked.urgency) return null;
  return `she already has request ${stored.id}, asked ${stored.urgency}; a request keeps its urgency: to ask ${asked.urgency} instead, cancel that request and ask again`;
}

/** JSON with sorted keys; `undefined` members are left out (as JSON.stringify does), so an absent and an undefined field agree. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** The earliest creation time a stored submission may have to count as the one retried now; null when the window is off. */
export function implicitRetrySince(now: Date, windowSeconds: number): Date | null {
  return windowSeconds > 0 ? new Date(now.getTime() - windowSeconds * 1000) : null;
}

/**
 * Whether a submission under a clientReference already used is a retry of the stored request, or
 * another person under the same reference (a client's mistake that would otherwise leave her
 * unrequested). Who she is decides: her profile as it was first sent (or each member's), the region
 * and the group's size; what the workflow itself changes since (kinds, urgency) does not. A retry
 * repeats what was sent, so a profile changed since is compared as it was first sent
 * (`profileAsFirstSent`): comparing only what no change can touch would let another woman of the
 * same gender pass for her (red team, fifth pass H1). A field given as null and one left out agree,
 * as do lists in another order and other spellings of the same (`personAsUnderstood`).
 */
export function sameSubmissionUnderReference(
  stored: {
    /** Her profile as first sent; null once erased after retention. */
    profile: VictimProfile | null;
    members: SubmittedPerson['members'];
    regionCode: string;
    groupSize: number;
  },
  asked: SubmittedPerson & { groupSize: number },
  reading: ProfileReading,
): boolean {
  if (stored.regionCode !== asked.regionCode || stored.groupSize !== asked.groupSize) return false;
  if (!stored.profile) return true; // erased after retention: nothing left to compare
  const understood = (person: SubmittedPerson) => comparable(personAsUnderstood(person, reading));
  return understood({ ...stored, profile: stored.profile }) === understood(asked);
}

/**
 * The profile as first sent, from the profile now and the changes made since (oldest first), each
 * with the values of the fields it changed as they were before it. Null when a change's values are
 * gone (erased with the profile): what was sent can no longer be told.
 */
export function profileAsFirstSent<P extends object>(
  current: P,
  changes: readonly { before: Record<string, unknown> | null }[],
): P | null {
  const profile = { ...current } as Record<string, unknown>;
  for (const change of [...changes].reverse()) {
    if (!change.before) return null;
    Object.assign(profile, change.before);
  }
  return profile as unknown as P;
}

/** Canonical JSON of a profile (or member), as a submission is compared: see withoutDefaults. */
function comparable(value: unknown): string {
  return canonicalJson(withoutDefaults(value));
}
