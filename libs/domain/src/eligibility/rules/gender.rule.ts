import { Gender } from '../../enums';
import { EligibilityRule } from '../context';
import { exclude, ExclusionCode, PASS } from '../exclusion';

/**
 * The facility's genders (empty = any). COSM has separate places for women and men (000:2128-2130);
 * VO also has places for men (000:2106-2108). Gender X (003:771) matches per configuration.
 */
export const genderRule: EligibilityRule = ({ profile, facility, config }) => {
  const genders = facility.eligibility.genders;
  if (genders.length === 0 || genders.includes(profile.gender)) return PASS;
  if (profile.gender === Gender.X && genders.some((g) => config.eligibility.genderXAlsoMatches.includes(g))) {
    return PASS;
  }
  return exclude(ExclusionCode.GENDER, `takes ${genders.join(', ')} only; this profile is ${profile.gender}`);
};
