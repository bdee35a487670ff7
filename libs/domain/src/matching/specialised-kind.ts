/**
 * The kinds made for this profile (domain.md §2/§3): among eligible facilities they rank first.
 */
import { B8Status, ExploitationType, ResidenceStatus, ShelterType } from '../enums';
import { MatchingConfig } from '../matching-config';
import { bedenktijdState, isMinor, VictimProfile } from '../profile';

/** Each specialised kind with the reason, in a fixed order. */
export function specialisedKinds(profile: VictimProfile, at: Date, config: MatchingConfig): Map<ShelterType, string> {
  const kinds = new Map<ShelterType, string>();
  const cfg = config.eligibility;
  const residence = profile.residenceStatus ?? ResidenceStatus.UNKNOWN;
  const b8 = profile.b8Status ?? null;
  if (isMinor(profile) ?? cfg.unknownAge === 'MINOR') {
    kinds.set(ShelterType.JEUGDZORG, 'youth care: the place for a minor (002:771-775)');
  }
  const bedenktijd = bedenktijdState(profile, at);
  if (
    bedenktijd === 'ACTIVE' ||
    (bedenktijd === 'NONE' &&
      residence === ResidenceStatus.NO_LAWFUL_RESIDENCE &&
      (b8 === null || b8 === B8Status.NOT_YET_INFORMED))
  ) {
    kinds.set(ShelterType.COSM, 'COSM: the specialised place in the bedenktijd (000:2130-2131)');
  }
  const multiproblematiek = (profile.careNeeds ?? []).length > 0;
  if (multiproblematiek) {
    kinds.set(ShelterType.OMM, 'OMM: specialised for multiproblematiek (000:2143-2149)');
  }
  const types = profile.exploitationTypes;
  if (types.includes(ExploitationType.LABOUR) || types.includes(ExploitationType.SERIOUS_DISADVANTAGE)) {
    kinds.set(ShelterType.NLA_CRISIS, 'NLA crisis shelter: specialised for labour exploitation (003:486)');
  }
  const lawfulOrPermit =
    cfg.lawfulResidenceStatuses.includes(residence) || (b8 !== null && cfg.regularShelterB8Statuses.includes(b8));
  // With multiproblematiek the regular field is not the specialised place (000:2148-2149).
  if (types.includes(ExploitationType.SEXUAL) && lawfulOrPermit && !multiproblematiek) {
    kinds.set(ShelterType.VROUWENOPVANG, 'vrouwenopvang: the place for sexual exploitation with lawful residence (003:466)');
  }
  return kinds;
}
