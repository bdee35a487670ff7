import { EligibilityRule } from '../context';
import { exclude, ExclusionCode, PASS } from '../exclusion';

const same = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();

/**
 * A regional place takes only victims found in its regions: the Humanitas pilot noodbedden are "voor
 * 'nationale' slachtoffers van mensenhandel die aangetroffen worden in de gemeenten van de regio's
 * Zuid-Holland Zuid en Rotterdam Rijnmond" (002:749-753). Reads the derived `foundInRegionCode`,
 * which the matching service resolves from foundInMunicipality; a facility without regions
 * (`foundInRegionCodes` empty) takes victims found anywhere.
 */
export const foundInRule: EligibilityRule = ({ profile, facility }) => {
  const regions = facility.eligibility.foundInRegionCodes;
  if (regions.length === 0) return PASS;
  const area = `the municipalities of region${regions.length > 1 ? 's' : ''} ${regions.join(', ')}`;
  const found = profile.foundInRegionCode;
  if (!found) {
    return exclude(
      ExclusionCode.FOUND_IN_AREA,
      `only for victims found in ${area}; give foundInMunicipality (where she was found) to be considered`,
    );
  }
  if (regions.some((code) => same(code, found))) return PASS;
  const where = profile.foundInMunicipality ? `${profile.foundInMunicipality} (region ${found})` : `region ${found}`;
  return exclude(ExclusionCode.FOUND_IN_AREA, `only for victims found in ${area}; she was found in ${where}`);
};
