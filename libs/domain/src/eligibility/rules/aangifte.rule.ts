import { ShelterType } from '../../enums';
import { EligibilityRule } from '../context';
import { exclude, ExclusionCode, PASS } from '../exclusion';

/** Once aangifte is done, VO/MO is the place, not COSM (000:2131-2134). */
export const aangifteRule: EligibilityRule = ({ profile, facility, config }) => {
  const aangifte = profile.aangifte ?? null;
  if (facility.type === ShelterType.COSM && aangifte !== null && config.eligibility.cosmExcludedAangifte.includes(aangifte)) {
    return exclude(ExclusionCode.AANGIFTE, `aangifte ${aangifte}: VO/MO is the place, not COSM (000:2131-2134)`);
  }
  return PASS;
};
