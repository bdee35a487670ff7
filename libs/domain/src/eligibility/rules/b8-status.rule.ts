import { B8Status, ShelterType } from '../../enums';
import { bedenktijdEnd, bedenktijdState } from '../../profile';
import { EligibilityRule } from '../context';
import { interimOnlyFor } from './residence-status.rule';
import { exclude, ExclusionCode, PASS } from '../exclusion';

/**
 * B8/3 status. A bedenktijd lasts at most three months (003:661): once ended it no longer counts as
 * BEDENKTIJD (the profile is not rejected; the reason says so). COSM is for the bedenktijd, or for
 * victims not yet informed of it (000:2130-2131); with a permit VO/MO is the place (000:2131-2134).
 * Then the facility's own list (empty = any).
 */
export const b8StatusRule: EligibilityRule = ({ profile, facility, at, config }) => {
  const cfg = config.eligibility;
  const state = bedenktijdState(profile, at);
  const ended =
    state === 'ENDED' && profile.bedenktijdStart
      ? `bedenktijd ended on ${bedenktijdEnd(profile.bedenktijdStart)} (at most 3 months, 003:661)`
      : null;
  const effective: B8Status | null = ended ? null : (profile.b8Status ?? null);

  if (facility.type === ShelterType.COSM) {
    if (ended) return exclude(ExclusionCode.B8_STATUS, `${ended}; COSM is for the bedenktijd (000:2130-2131)`);
    const ok = effective === null ? cfg.cosmAcceptsMissingB8Status : cfg.cosmB8Statuses.includes(effective);
    if (!ok) {
      return exclude(
        ExclusionCode.B8_STATUS,
        `COSM is for the bedenktijd or not yet informed (000:2130-2131); B8/3 status is ${effective ?? 'not given'}` +
          (effective && cfg.regularShelterB8Statuses.includes(effective)
            ? ': with a permit VO/MO is the place (000:2131-2134)'
            : ''),
      );
    }
  }
  // An interim place until COSM is not held to its list of who may stay (domain.md §5a).
  if (!ended && interimOnlyFor(profile, facility.type, config, at)) return PASS;
  const accepted = facility.eligibility.b8Statuses;
  // B8/3 is optional in the profile: for someone with lawful residence it does not apply at all,
  // and for anyone else a missing status is unknown, not a mismatch (the residence rule already
  // keeps people in the bedenktijd out of VO/MO). Only a given, or ended, status is checked.
  const residence = profile.residenceStatus ?? null;
  const listed =
    effective ?? (residence !== null && cfg.lawfulResidenceStatuses.includes(residence) ? B8Status.NOT_APPLICABLE : null);
  if (accepted.length > 0 && listed === null && !ended) return PASS;
  if (accepted.length > 0 && (listed === null || !accepted.includes(listed))) {
    return exclude(
      ExclusionCode.B8_STATUS,
      ended ? `${ended}; takes ${accepted.join(', ')} only` : `takes B8/3 status ${accepted.join(', ')} only; this is ${listed}`,
    );
  }
  return PASS;
};
