/**
 * The victim profile the matcher works from (the contract's `VictimProfileInput`, domain.md §3).
 * Pseudonymous by construction: there are NO name, birth-date or identity-number fields, ever
 * (domain.md §6); `validateProfile` rejects any field not declared here, so one cannot slip in.
 */
import { compareLocalDates, addMonths, formatLocalDate, localDateOf, parseLocalDate } from './calendar/wall-clock';
import { AangifteStatus, B8Status, CareNeed, ExploitationType, Gender, ResidenceStatus, ThreatLevel } from './enums';

export interface VictimProfile {
  gender: Gender;
  /** Age in whole years, when known. */
  age?: number | null;
  /** "Minor: yes/no/unknown" when the age itself is not known (domain.md:45); `null` = unknown. */
  minor?: boolean | null;
  /** One or more (domain.md:46). */
  exploitationTypes: ExploitationType[];
  residenceStatus?: ResidenceStatus | null;
  b8Status?: B8Status | null;
  /** First day of the B8/3 bedenktijd (reflection period), `YYYY-MM-DD` in Europe/Amsterdam. */
  bedenktijdStart?: string | null;
  aangifte?: AangifteStatus | null;
  careNeeds?: CareNeed[] | null;
  accompanyingChildren?: number | null;
  threatLevel?: ThreatLevel | null;
  /** Regions where the exploiter operates: never place there (domain.md:52). */
  excludedRegionCodes?: string[] | null;
  homeRegionCode?: string | null;
  /** Where she was found (a municipality of 2026, its CBS code or a common alias): decides regional pilots. */
  foundInMunicipality?: string | null;
  /**
   * Where she is registered (ingeschreven), when she is: with foundInMunicipality it decides the
   * responsible municipality (002:726-729, responsibleMunicipality).
   */
  registeredInMunicipality?: string | null;
  /**
   * DERIVED, never client input: the region of foundInMunicipality, set by the matching service on
   * the copy it gives the matcher (the found-in rule reads it). Not in PROFILE_FIELDS, so
   * validateProfile refuses it, and the GraphQL input has no such field.
   */
  foundInRegionCode?: string | null;
  /** ISO 639-1 codes; ranking only (domain.md:55). */
  languages?: string[] | null;
  /**
   * Addition to the contract input: `false` when a minor is known to travel with a parent or
   * guardian. Nidos advice is for unaccompanied foreign minors (003:689-695); unknown counts as
   * unaccompanied, because Nidos acts "bij de geringste indicatie" (003:695).
   */
  unaccompanied?: boolean | null;
  /** Victims placed together (a raid, 003:484); default 1. */
  groupSize?: number | null;
}

export interface ProfileViolation {
  field: string;
  message: string;
}

/** The bedenktijd lasts at most three months (003:661). */
export const BEDENKTIJD_MONTHS = 3;
/** How far back a bedenktijd's start may be given: an ended one still says something (it is over), a century ago does not. */
export const BEDENKTIJD_START_YEARS = 5;
export const ADULT_AGE = 18;
export const MAX_AGE = 120;
export const MAX_ACCOMPANYING_CHILDREN = 20;
export const MAX_GROUP_SIZE = 200;
export const MAX_REGION_CODES = 50;
export const MAX_REGION_CODE_LENGTH = 16;
export const MAX_MUNICIPALITY_LENGTH = 100;
export const MAX_LANGUAGES = 20;

const PROFILE_FIELDS: ReadonlySet<string> = new Set<keyof VictimProfile>([
  'gender',
  'age',
  'minor',
  'exploitationTypes',
  'residenceStatus',
  'b8Status',
  'bedenktijdStart',
  'aangifte',
  'careNeeds',
  'accompanyingChildren',
  'threatLevel',
  'excludedRegionCodes',
  'homeRegionCode',
  'foundInMunicipality',
  'registeredInMunicipality',
  'languages',
  'unaccompanied',
  'groupSize',
]);

/** Fields the service derives itself: refused as input with their own sentence. */
const DERIVED_FIELDS: Readonly<Record<string, string>> = { foundInRegionCode: 'foundInMunicipality' };

/** The profile fields that name a municipality (validated against the list by validateMunicipalities). */
export const MUNICIPALITY_FIELDS = ['foundInMunicipality', 'registeredInMunicipality'] as const;

const REGION_CODE = /^[A-Za-z0-9_-]+$/;
const LANGUAGE_CODE = /^[a-z]{2}$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

const isSet = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

/** `true` minor, `false` adult, `null` unknown. A known age wins over the `minor` flag. */
export function isMinor(profile: Pick<VictimProfile, 'age' | 'minor'>): boolean | null {
  if (isSet(profile.age)) return profile.age < ADULT_AGE;
  return isSet(profile.minor) ? profile.minor : null;
}

/** How many people this profile stands for (default 1). */
export function groupSizeOf(profile: Pick<VictimProfile, 'groupSize'>): number {
  return profile.groupSize ?? 1;
}

/**
 * The first day no longer in bedenktijd: start + 3 calendar months (003:661), clamped at month
 * ends (30 November → 28/29 February). The bedenktijd covers [start, end).
 */
export function bedenktijdEnd(start: string): string {
  const date = parseLocalDate(start);
  if (!date) throw new RangeError(`bedenktijdStart must be a date YYYY-MM-DD, got "${start}"`);
  return formatLocalDate(addMonths(date, BEDENKTIJD_MONTHS));
}

/**
 * Where the profile stands in the bedenktijd at `at`:
 * - `NONE`: b8Status is not BEDENKTIJD;
 * - `ACTIVE`: BEDENKTIJD, and either no start is known or the end has not come;
 * - `ENDED`: BEDENKTIJD whose three months are over. Not a validation error (the record may simply
 *   not be updated yet): matching treats it as *not* in bedenktijd and says so in its reasons.
 */
export type BedenktijdState = 'NONE' | 'ACTIVE' | 'ENDED';

export function bedenktijdState(profile: Pick<VictimProfile, 'b8Status' | 'bedenktijdStart'>, at: Date): BedenktijdState {
  if (profile.b8Status !== B8Status.BEDENKTIJD) return 'NONE';
  if (!isSet(profile.bedenktijdStart) || !parseLocalDate(profile.bedenktijdStart)) return 'ACTIVE';
  const end = parseLocalDate(bedenktijdEnd(profile.bedenktijdStart));
  return end && compareLocalDates(localDateOf(at), end) >= 0 ? 'ENDED' : 'ACTIVE';
}

function enumViolation<T extends string>(field: string, value: unknown, values: Record<string, T>): ProfileViolation[] {
  const allowed = Object.values(values);
  return allowed.includes(value as T) ? [] : [{ field, message: `${field} must be one of ${allowed.join(', ')}` }];
}

function integerViolation(field: string, value: unknown, min: number, max: number): ProfileViolation[] {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
    ? []
    : [{ field, message: `${field} must be a whole number from ${min} to ${max}, got ${String(value)}` }];
}

function enumListViolations<T extends string>(
  field: string,
  value: unknown,
  values: Record<string, T>,
  minLength: number,
): ProfileViolation[] {
  const allowed = Object.values(values);
  if (!Array.isArray(value) || value.length < minLength) {
    return [{ field, message: `${field} must list at least ${minLength} of ${allowed.join(', ')}` }];
  }
  const violations: ProfileViolation[] = [];
  value.forEach((item: unknown, index) => {
    if (!allowed.includes(item as T)) {
      violations.push({ field: `${field}[${index}]`, message: `${field} must contain only ${allowed.join(', ')}` });
    }
  });
  if (new Set(value).size !== value.length) {
    violations.push({ field, message: `${field} must not repeat a value` });
  }
  return violations;
}

function regionCodeViolation(field: string, value: unknown): ProfileViolation[] {
  return typeof value === 'string' && value.length <= MAX_REGION_CODE_LENGTH && REGION_CODE.test(value)
    ? []
    : [{ field, message: `${field} must be a region code of 1 to ${MAX_REGION_CODE_LENGTH} letters, digits, - or _` }];
}

/**
 * Every reason the profile cannot be used, each naming the field and what is allowed; empty when
 * valid. `now` fixes "today" for the bedenktijd start.
 */
export function validateProfile(profile: VictimProfile, now: Date): ProfileViolation[] {
  const v: ProfileViolation[] = [];
  for (const key of Object.keys(profile)) {
    if (key in DERIVED_FIELDS) {
      v.push({ field: key, message: `${key} is derived by the service from ${DERIVED_FIELDS[key]}; do not send it` });
    } else if (!PROFILE_FIELDS.has(key)) {
      v.push({
        field: key,
        message: `${key} is not a profile field; the service stores no names or identity numbers, only a case reference`,
      });
    }
  }

  v.push(...enumViolation('gender', profile.gender, Gender));
  const ageViolations = isSet(profile.age) ? integerViolation('age', profile.age, 0, MAX_AGE) : [];
  v.push(...ageViolations);
  if (isSet(profile.minor) && typeof profile.minor !== 'boolean') {
    v.push({ field: 'minor', message: 'minor must be true, false or null (unknown)' });
  }
  if (isSet(profile.age) && ageViolations.length === 0 && typeof profile.minor === 'boolean') {
    if (profile.minor !== profile.age < ADULT_AGE) {
      v.push({
        field: 'minor',
        // Names the rule, never the values: a caller who may see only her summary must not learn her age from it.
        message: `minor must agree with age (a minor is under ${ADULT_AGE}); correct one of them or leave minor empty`,
      });
    }
  }
  v.push(...enumListViolations('exploitationTypes', profile.exploitationTypes, ExploitationType, 1));
  if (isSet(profile.residenceStatus)) v.push(...enumViolation('residenceStatus', profile.residenceStatus, ResidenceStatus));
  if (isSet(profile.b8Status)) v.push(...enumViolation('b8Status', profile.b8Status, B8Status));
  if (
    profile.residenceStatus === ResidenceStatus.DUTCH &&
    isSet(profile.b8Status) &&
    profile.b8Status !== B8Status.NOT_APPLICABLE
  ) {
    v.push({
      field: 'b8Status',
      message: 'b8Status must agree with residenceStatus: B8/3 is only for foreign nationals (NOT_APPLICABLE or empty otherwise)',
    });
  }
  const knownB8 = !isSet(profile.b8Status) || Object.values(B8Status).includes(profile.b8Status);
  if (isSet(profile.bedenktijdStart) && knownB8 && profile.b8Status !== B8Status.BEDENKTIJD) {
    v.push({
      field: 'bedenktijdStart',
      message: 'bedenktijdStart is only for b8Status BEDENKTIJD (the start of her bedenktijd); leave it empty otherwise',
    });
  }
  if (isSet(profile.bedenktijdStart)) {
    const start = typeof profile.bedenktijdStart === 'string' ? parseLocalDate(profile.bedenktijdStart) : null;
    if (!start) {
      v.push({ field: 'bedenktijdStart', message: 'bedenktijdStart must be a real calendar date YYYY-MM-DD' });
    } else if (compareLocalDates(start, localDateOf(now)) > 0) {
      v.push({
        field: 'bedenktijdStart',
        message: `bedenktijdStart must not be in the future (today is ${formatLocalDate(localDateOf(now))} in Europe/Amsterdam)`,
      });
    } else if (compareLocalDates(start, addMonths(localDateOf(now), -12 * BEDENKTIJD_START_YEARS)) < 0) {
      // A bedenktijd lasts three months (003:661): a start years back is a typing error, not a case.
      v.push({
        field: 'bedenktijdStart',
        message: `bedenktijdStart must be within the last ${BEDENKTIJD_START_YEARS} years: a bedenktijd lasts at most three months (003:661)`,
      });
    }
  }
  if (isSet(profile.aangifte)) v.push(...enumViolation('aangifte', profile.aangifte, AangifteStatus));
  if (isSet(profile.careNeeds)) v.push(...enumListViolations('careNeeds', profile.careNeeds, CareNeed, 0));
  if (isSet(profile.accompanyingChildren)) {
    v.push(...integerViolation('accompanyingChildren', profile.accompanyingChildren, 0, MAX_ACCOMPANYING_CHILDREN));
  }
  if (isSet(profile.threatLevel)) v.push(...enumViolation('threatLevel', profile.threatLevel, ThreatLevel));
  if (isSet(profile.excludedRegionCodes)) {
    if (!Array.isArray(profile.excludedRegionCodes) || profile.excludedRegionCodes.length > MAX_REGION_CODES) {
      v.push({ field: 'excludedRegionCodes', message: `excludedRegionCodes must list at most ${MAX_REGION_CODES} region codes` });
    } else {
      profile.excludedRegionCodes.forEach((code, i) => v.push(...regionCodeViolation(`excludedRegionCodes[${i}]`, code)));
    }
  }
  if (isSet(profile.homeRegionCode)) v.push(...regionCodeViolation('homeRegionCode', profile.homeRegionCode));
  for (const field of MUNICIPALITY_FIELDS) {
    const m = profile[field];
    if (!isSet(m)) continue;
    if (typeof m !== 'string' || m.trim().length === 0 || m.length > MAX_MUNICIPALITY_LENGTH || CONTROL_CHARACTERS.test(m)) {
      v.push({
        field,
        message: `${field} must be a municipality name of 1 to ${MAX_MUNICIPALITY_LENGTH} printable characters`,
      });
    }
  }
  if (isSet(profile.languages)) {
    if (!Array.isArray(profile.languages) || profile.languages.length > MAX_LANGUAGES) {
      v.push({ field: 'languages', message: `languages must list at most ${MAX_LANGUAGES} ISO 639-1 codes` });
    } else {
      profile.languages.forEach((code, i) => {
        if (typeof code !== 'string' || !LANGUAGE_CODE.test(code)) {
          v.push({
            field: `languages[${i}]`,
            message: `languages must be ISO 639-1 two-letter lowercase codes such as "nl", "en", "ro", got "${String(code)}"`,
          });
        }
      });
    }
  }
  if (isSet(profile.unaccompanied) && typeof profile.unaccompanied !== 'boolean') {
    v.push({ field: 'unaccompanied', message: 'unaccompanied must be true, false or null (unknown)' });
  }
  if (isSet(profile.groupSize)) v.push(...integerViolation('groupSize', profile.groupSize, 1, MAX_GROUP_SIZE));
  return v;
}
