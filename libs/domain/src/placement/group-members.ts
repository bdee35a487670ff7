/**
 * A group found together (a labour raid, 003:484) as the people in it: each member has her own
 * profile. One request for the group is split into parts that can be matched as one: every minor
 * on her own (youth care decides for each, 002:771-775, 003:683-695), the adults by gender (COSM,
 * VO and NLA places are for women or for men), residence and B8/3 status and kinds of exploitation
 * (they decide which kinds may take someone at all). Each part is matched with the profile every
 * one of its members fits (what any of them needs, the youngest age), so a place found for the part
 * takes each of them. Not covered: a facility's maximum age is read against the youngest only.
 *
 * Pure: no framework, no I/O.
 */
import { AangifteStatus, B8Status, Gender, ResidenceStatus, ThreatLevel } from '../enums';
import type { MatchingConfig } from '../matching-config';
import { isMinor, type VictimProfile } from '../profile';

export interface GroupMember {
  /** A pseudonymous label the requester uses for her ("M3"): never a name. */
  label: string | null;
  profile: VictimProfile;
}

export interface GroupPart {
  /** Why these members go together, for people: "women", "men", "minor". */
  kind: 'ADULT_WOMEN' | 'ADULT_MEN' | 'ADULT_X' | 'MINOR';
  members: GroupMember[];
  /** The profile each member of the part fits, with groupSize = the part's size. */
  profile: VictimProfile;
}

const union = <T>(lists: readonly (readonly T[] | null | undefined)[]): T[] => [...new Set(lists.flatMap((list) => list ?? []))];
const same = <T>(values: readonly (T | null | undefined)[]): T | null =>
  values.every((value) => (value ?? null) === (values[0] ?? null)) ? (values[0] ?? null) : null;

/**
 * The profile every member fits: the union of what any of them needs (exploitation types, care
 * needs, languages, regions to avoid), the strictest threat, the youngest age, and a status only
 * where all share it (else unknown, which never shuts out a crisis place, domain.md §5a).
 */
export function commonProfile(members: readonly GroupMember[]): VictimProfile {
  const profiles = members.map((member) => member.profile);
  const ages = profiles.map((p) => p.age).filter((age): age is number => age !== null && age !== undefined);
  const residence = same(profiles.map((p) => p.residenceStatus ?? ResidenceStatus.UNKNOWN));
  return {
    gender: same(profiles.map((p) => p.gender)) ?? Gender.X,
    age: ages.length === profiles.length ? Math.min(...ages) : null,
    minor: profiles.some((p) => isMinor(p) === true) ? true : profiles.every((p) => isMinor(p) === false) ? false : null,
    exploitationTypes: union(profiles.map((p) => p.exploitationTypes)),
    residenceStatus: residence ?? ResidenceStatus.UNKNOWN,
    b8Status: same(profiles.map((p) => p.b8Status)),
    bedenktijdStart: same(profiles.map((p) => p.bedenktijdStart)),
    aangifte: same(profiles.map((p) => p.aangifte ?? AangifteStatus.NONE)),
    careNeeds: union(profiles.map((p) => p.careNeeds)),
    accompanyingChildren: profiles.reduce((sum, p) => sum + (p.accompanyingChildren ?? 0), 0),
    threatLevel: profiles.some((p) => p.threatLevel === ThreatLevel.HIGH)
      ? ThreatLevel.HIGH
      : same(profiles.map((p) => p.threatLevel)),
    // Where any of them must not go: the regions excluded for her, and under high threat her home region.
    excludedRegionCodes: union([
      ...profiles.map((p) => p.excludedRegionCodes),
      ...profiles.map((p) => (p.threatLevel === ThreatLevel.HIGH && p.homeRegionCode ? [p.homeRegionCode] : [])),
    ]),
    homeRegionCode: same(profiles.map((p) => p.homeRegionCode)),
    foundInMunicipality: same(profiles.map((p) => p.foundInMunicipality)) ?? profiles[0]?.foundInMunicipality ?? null,
    registeredInMunicipality: same(profiles.map((p) => p.registeredInMunicipality)),
    languages: union(profiles.map((p) => p.languages)),
    unaccompanied: profiles.some((p) => p.unaccompanied !== false),
    groupSize: members.length,
  };
}

/**
 * What decides which kinds may take an adult at all: members who share it are matched together. A
 * value and its absence that the rules read alike are alike here (no aangifte said or NONE; B8/3
 * NOT_APPLICABLE beside a lawful status or none): otherwise spelling one out on one member would
 * split a group the rules see as one, and a resend would not be recognised (red team, issue 15).
 */
function adultKey(profile: VictimProfile, config: MatchingConfig): string {
  const residence = profile.residenceStatus ?? ResidenceStatus.UNKNOWN;
  const b8 =
    profile.b8Status === B8Status.NOT_APPLICABLE && config.eligibility.lawfulResidenceStatuses.includes(residence)
      ? ''
      : (profile.b8Status ?? '');
  return [
    residence,
    b8,
    profile.bedenktijdStart ?? '',
    profile.aangifte ?? AangifteStatus.NONE,
    [...profile.exploitationTypes].sort().join('+'),
    // OMM takes only someone with a care need (000:2143-2149): with and without are matched apart.
    (profile.careNeeds ?? []).length > 0 ? 'care' : '',
  ].join('|');
}

/**
 * Splits a group into parts: each minor alone, the adults by gender and by what decides their kinds
 * of shelter; in a fixed order (women, men, X, then minors; within a gender, as they were listed).
 */
export function partitionGroup(members: readonly GroupMember[], config: MatchingConfig): GroupPart[] {
  const minor = (member: GroupMember) => isMinor(member.profile) ?? config.eligibility.unknownAge === 'MINOR';
  const parts: GroupPart[] = [];
  for (const [kind, gender] of [
    ['ADULT_WOMEN', Gender.FEMALE],
    ['ADULT_MEN', Gender.MALE],
    ['ADULT_X', Gender.X],
  ] as const) {
    const byKey = new Map<string, GroupMember[]>();
    for (const member of members.filter((m) => !minor(m) && m.profile.gender === gender)) {
      const key = adultKey(member.profile, config);
      byKey.set(key, [...(byKey.get(key) ?? []), member]);
    }
    for (const part of byKey.values()) parts.push({ kind, members: part, profile: commonProfile(part) });
  }
  for (const member of members.filter(minor)) parts.push({ kind: 'MINOR', members: [member], profile: commonProfile([member]) });
  return parts;
}
