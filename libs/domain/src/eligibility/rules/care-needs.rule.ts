import { ShelterType } from '../../enums';
import { EligibilityRule } from '../context';
import { exclude, ExclusionCode, PASS } from '../exclusion';

/**
 * Multiproblematiek: a facility listing care needs takes only those (empty = any, as the contract
 * says for every Eligibility list); regular shelter may refuse on contra-indications (002:741-743),
 * which it expresses by listing what it can handle. OMM is for victims with care needs
 * (000:2143-2149), unless configured otherwise.
 */
export const careNeedsRule: EligibilityRule = ({ profile, facility, config }) => {
  const needs = profile.careNeeds ?? [];
  if (facility.type === ShelterType.OMM && config.eligibility.ommRequiresCareNeed && needs.length === 0) {
    return exclude(
      ExclusionCode.CARE_NEEDS,
      'OMM is for victims with multiproblematiek: LVB, GGZ, addiction or several domains (000:2143-2149)',
    );
  }
  const accepted = facility.eligibility.acceptsCareNeeds;
  const unmet = accepted.length === 0 ? [] : needs.filter((n) => !accepted.includes(n));
  if (unmet.length > 0) {
    return exclude(ExclusionCode.CARE_NEEDS, `cannot provide for ${unmet.join(', ')} (takes ${accepted.join(', ')})`);
  }
  return PASS;
};
