import { ResidenceStatus, ShelterType } from '../../enums';
import { MatchingConfig } from '../../matching-config';
import { bedenktijdState, isMinor, VictimProfile } from '../../profile';
import { EligibilityRule } from '../context';
import { exclude, ExclusionCode, PASS } from '../exclusion';

/** Regular shelter: vrouwenopvang and maatschappelijke opvang, funded by the centrumgemeente. */
export const REGULAR_SHELTER_KINDS: readonly ShelterType[] = [ShelterType.VROUWENOPVANG, ShelterType.MAATSCHAPPELIJKE_OPVANG];

/**
 * The kinds a place of `type` is only an interim place for, for this profile: VO/MO for a victim
 * without lawful residence in (or not yet informed of) the bedenktijd, who moves on to COSM
 * (000:2131-2139, domain.md §5a). `undefined`: the place is one she can stay in.
 */
export function interimOnlyFor(
  profile: VictimProfile,
  type: ShelterType,
  config: MatchingConfig,
  at: Date,
): ShelterType[] | undefined {
  if (!REGULAR_SHELTER_KINDS.includes(type)) return undefined;
  const cfg = config.eligibility;
  const residence = profile.residenceStatus ?? ResidenceStatus.UNKNOWN;
  const b8 = profile.b8Status ?? null;
  if (cfg.lawfulResidenceStatuses.includes(residence) || (b8 !== null && cfg.regularShelterB8Statuses.includes(b8)))
    return undefined;
  if (residence === ResidenceStatus.UNKNOWN && cfg.regularShelterAcceptsUnknownResidence) return undefined;
  // A bedenktijd whose three months are over no longer counts (003:661).
  if (b8 === null || !cfg.regularShelterInterimB8Statuses.includes(b8) || bedenktijdState(profile, at) === 'ENDED')
    return undefined;
  return [ShelterType.COSM];
}

/**
 * Residence status:
 * - asylum procedure → shelter in an AZC, no bed here (003:665-667), unless configured otherwise;
 * - COSM is for victims without lawful residence (000:2130-2131, 002:755-759);
 * - VO/MO need lawful residence or a temporary permit (002:739-741, 003:657, 000:2131-2134);
 * - then the facility's own list (empty = any; a missing status counts as UNKNOWN).
 */
export const residenceStatusRule: EligibilityRule = ({ profile, facility, config, at }) => {
  const cfg = config.eligibility;
  const residence = profile.residenceStatus ?? ResidenceStatus.UNKNOWN;
  const minor = isMinor(profile) ?? cfg.unknownAge === 'MINOR';
  // A minor in an asylum procedure is Nidos's to shelter in youth care (003:683-695): the adult
  // "asylum → AZC" rule does not shut her out.
  const asylumMinorInYouthCare = minor && facility.type === ShelterType.JEUGDZORG;
  if (residence === ResidenceStatus.ASYLUM_PROCEDURE && !cfg.asylumProcedureGetsBed && !asylumMinorInYouthCare) {
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
      (residence === ResidenceStatus.UNKNOWN && cfg.regularShelterAcceptsUnknownResidence) ||
      interimOnlyFor(profile, facility.type, config, at) !== undefined;
    if (!ok) {
      return exclude(
        ExclusionCode.RESIDENCE_STATUS,
        `${facility.type} needs lawful residence or a B8 permit (002:739-741, 003:657); residence is ${residence}` +
          (b8 ? `, B8/3 status ${b8}` : ''),
      );
    }
  }
  // Shelter first, status later: an unknown status never shuts out a crisis kind, and an interim
  // place is not held to the list of who may stay (domain.md §5a).
  const crisisIntake = residence === ResidenceStatus.UNKNOWN && cfg.crisisKinds.includes(facility.type);
  const interim = interimOnlyFor(profile, facility.type, config, at) !== undefined;
  const accepted = facility.eligibility.residenceStatuses;
  if (!crisisIntake && !interim && accepted.length > 0 && !accepted.includes(residence)) {
    return exclude(ExclusionCode.RESIDENCE_STATUS, `takes residence status ${accepted.join(', ')} only; this is ${residence}`);
  }
  return PASS;
};
