import { ShelterType } from '../../enums';
import { ADULT_AGE, isMinor } from '../../profile';
import { EligibilityRule } from '../context';
import { exclude, ExclusionCode, PASS } from '../exclusion';

/** The only kind a minor may go to: minors never go to the adult kinds (002:771-775, domain.md:90). */
export const MINOR_KINDS: readonly ShelterType[] = [ShelterType.JEUGDZORG];

/**
 * Minors only to JEUGDZORG; adults not to JEUGDZORG unless the facility states a maxAge of 18 or
 * more (verlengde jeugdhulp); then the facility's own minAge/maxAge.
 */
export const ageRule: EligibilityRule = ({ profile, facility, config }) => {
  const minor = isMinor(profile) ?? config.eligibility.unknownAge === 'MINOR';
  const { minAge, maxAge } = facility.eligibility;
  const forMinors = MINOR_KINDS.includes(facility.type);
  if (minor && !forMinors) {
    return exclude(ExclusionCode.AGE, `minors go to youth care (JEUGDZORG) only, never to ${facility.type} (002:771-775)`);
  }
  if (!minor && forMinors && !(maxAge !== null && maxAge >= ADULT_AGE)) {
    return exclude(ExclusionCode.AGE, `${facility.type} is for minors; this profile is an adult`);
  }
  const age = profile.age;
  if (age !== null && age !== undefined) {
    if (minAge !== null && age < minAge) return exclude(ExclusionCode.AGE, `takes ages ${minAge} and up; age is ${age}`);
    if (maxAge !== null && age > maxAge) return exclude(ExclusionCode.AGE, `takes ages up to ${maxAge}; age is ${age}`);
    return PASS;
  }
  if (minor && minAge !== null && minAge >= ADULT_AGE)
    return exclude(ExclusionCode.AGE, `takes ages ${minAge} and up; this is a minor`);
  if (!minor && maxAge !== null && maxAge < ADULT_AGE)
    return exclude(ExclusionCode.AGE, `takes ages up to ${maxAge}; this is an adult`);
  return PASS;
};
