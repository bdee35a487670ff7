import { MUNICIPALITY_FIELDS, ProfileViolation, VictimProfile } from '../profile';
import { MunicipalityDirectory } from './municipality-directory';

/** How much of an unknown name an error message repeats. */
const ECHO_LENGTH = 40;

/**
 * Every municipality field of the profile that names no municipality of the list, with the closest
 * names: `foundInMunicipality "Rotterdm" is not a Dutch municipality of 2026; did you mean
 * Rotterdam, …?`. Run after validateProfile (which checks that they are printable text); fields are
 * bare, like validateProfile's.
 */
export function validateMunicipalities(
  profile: Pick<VictimProfile, (typeof MUNICIPALITY_FIELDS)[number]>,
  directory: MunicipalityDirectory,
): ProfileViolation[] {
  const violations: ProfileViolation[] = [];
  for (const field of MUNICIPALITY_FIELDS) {
    const value = profile[field];
    if (typeof value !== 'string' || value.trim() === '' || directory.resolve(value)) continue;
    const echo = value.length > ECHO_LENGTH ? `${value.slice(0, ECHO_LENGTH)}…` : value;
    const suggestions = directory.suggest(value);
    violations.push({
      field,
      message:
        `${field} "${echo}" is not a Dutch municipality of 2026` +
        (suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : '') +
        ' (a name, an alias such as "Den Haag", or a CBS code such as GM0599)',
    });
  }
  return violations;
}
