import { ResidenceStatus, ShelterType } from '../../enums';
import { EligibilityRule } from '../context';
import { exclude, ExclusionCode, PASS } from '../exclusion';

/** Regular shelter: vrouwenopvang and maatschappelijke opvang, funded by the centrumgemeente. */
export const REGULAR_SHELTER_KINDS: readonly ShelterType[] = [ShelterType.VROUWENOPVANG, ShelterType.MAATSCHAPPELIJKE_OPVANG];

/**
 * Residence status:
 * - asylum procedure → shelter in an AZC, no bed here (003:665-667), unless configured otherwise;
 * - COSM is for victims without lawful residence (000:2130-2131, 002:755-759);
 * - VO/MO need lawful residence or a temporary permit (002:739-741, 003:657, 000:2131-2134);
 * - then the facility's own list (empty = any; a missing status counts as UNKNOWN).
 */
export const residenceStatusRule: EligibilityRule = ({ profile, facility, config }) => {
  const cfg = config.eligibility;
  const residence = profile.residenceStatus ?? ResidenceStatus.UNKNOWN;
  if (residence === ResidenceStatus.ASYLUM_PROCEDURE && !cfg.asylumProcedureGetsBed) {
    return exclude(
      ExclusionCode.RESIDENCE_STATUS,
      'in an asylum procedure: the right to shelter is at an asylum centre (AZC), not here (003:665-667)',
    );
  }
  if (facility.type === ShelterType.COSM) {
    const ok =
      residence === ResidenceStatus.NO_LAWFUL_RESIDENCE ||
      (residence === ResidenceStatus.UNKNOWN && cfg.cosmAcceptsUnknownResidence);
    if (!ok) {
      return exclude(
        ExclusionCode.RESIDENCE_STATUS,
        `COSM is for victims without lawful residence (000:2130-2131); residence is ${residence}`,
      );
    }
  }
  if (REGULAR_SHELTER_KINDS.includes(facility.type)) {
    const b8 = profile.b8Status ?? null;
    const ok =
      cfg.lawfulResidenceStatuses.includes(residence) ||
      (b8 !== null && cfg.regularShelterB8Statuses.includes(b8)) ||
      (residence === ResidenceStatus.UNKNOWN && cfg.regularShelterAcceptsUnknownResidence);
    if (!ok) {
      return exclude(
        ExclusionCode.RESIDENCE_STATUS,
        `${facility.type} needs lawful residence or a B8 permit (002:739-741, 003:657); residence is ${residence}` +
          (b8 ? `, B8/3 status ${b8}` : ''),
      );
    }
  }
  const accepted = facility.eligibility.residenceStatuses;
  if (accepted.length > 0 && !accepted.includes(residence)) {
    return exclude(ExclusionCode.RESIDENCE_STATUS, `takes residence status ${accepted.join(', ')} only; this is ${residence}`);
  }
  return PASS;
};
