/**
 * The kinds made for this profile (domain.md §2/§3): among eligible facilities they rank first.
 */
import { B8Status, ExploitationType, ResidenceStatus, ShelterType } from '../enums';
import { MatchingConfig } from '../matching-config';
import { bedenktijdState, isMinor, VictimProfile } from '../profile';

/** Each specialised kind, in a fixed order (match-reason.ts says why each one is). */
export function specialisedKinds(profile: VictimProfile, at: Date, config: MatchingConfig): Set<ShelterType> {
  const kinds = new Set<ShelterType>();
  const cfg = config.eligibility;
  const residence = profile.residenceStatus ?? ResidenceStatus.UNKNOWN;
  const b8 = profile.b8Status ?? null;
  if (isMinor(profile) ?? cfg.unknownAge === 'MINOR') {
    kinds.add(ShelterType.JEUGDZORG);
  }
  const bedenktijd = bedenktijdState(profile, at);
  if (
    bedenktijd === 'ACTIVE' ||
    (bedenktijd === 'NONE' &&
      residence === ResidenceStatus.NO_LAWFUL_RESIDENCE &&
      (b8 === null || b8 === B8Status.NOT_YET_INFORMED))
  ) {
    kinds.add(ShelterType.COSM);
  }
  const multiproblematiek = (profile.careNeeds ?? []).length > 0;
  if (multiproblematiek) {
    kinds.add(ShelterType.OMM);
  }
  const types = profile.exploitationTypes;
  if (types.includes(ExploitationType.LABOUR) || types.includes(ExploitationType.SERIOUS_DISADVANTAGE)) {
    kinds.add(ShelterType.NLA_CRISIS);
  }
  const lawfulOrPermit =
    cfg.lawfulResidenceStatuses.includes(residence) || (b8 !== null && cfg.regularShelterB8Statuses.includes(b8));
  // With multiproblematiek the regular field is not the specialised place (000:2148-2149).
  if (types.includes(ExploitationType.SEXUAL) && lawfulOrPermit && !multiproblematiek) {
    kinds.add(ShelterType.VROUWENOPVANG);
  }
  return kinds;
}
