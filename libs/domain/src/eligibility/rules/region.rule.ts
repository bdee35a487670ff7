import { ThreatLevel } from '../../enums';
import { EligibilityRule } from '../context';
import { exclude, ExclusionCode, PASS } from '../exclusion';

const same = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();

/**
 * Never in an excluded region, where the exploiter operates (domain.md:52); under high threat also
 * never in the home region: "op een onbekende locatie elders in het land" (000:2108-2110, domain.md:90).
 */
export const regionRule: EligibilityRule = ({ profile, facility, config }) => {
  const region = facility.regionCode;
  if ((profile.excludedRegionCodes ?? []).some((code) => same(code, region))) {
    return exclude(ExclusionCode.REGION_EXCLUDED, `region ${region} is excluded for this victim`);
  }
  if (
    profile.threatLevel === ThreatLevel.HIGH &&
    config.eligibility.highThreatExcludesHomeRegion &&
    profile.homeRegionCode &&
    same(profile.homeRegionCode, region)
  ) {
    return exclude(ExclusionCode.REGION_EXCLUDED, `high threat: not in the home region ${region} (000:2108-2110)`);
  }
  return PASS;
};
