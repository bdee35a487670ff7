/**
 * Who decides for a minor (domain.md §2, §5a): youth care, "vooral … binnen het kader van de Jeugdwet"
 * (002:771-775), and Nidos for an unaccompanied foreign minor "bij de geringste indicatie" (003:683-695).
 * A minor's request goes on that worklist even when no youth-care place suits or is free: the
 * authority has its own ways (a minor with her own child, a 10-year-old still gets an answer).
 */
import { PlacingAuthority, ResidenceStatus } from '../enums';
import type { MatchingConfig } from '../matching-config';
import { isMinor, type VictimProfile } from '../profile';
import { NIDOS_ORGANISATION } from './authority';
import type { FallbackAuthority } from './placement-decision';

export function youthCareAuthority(profile: VictimProfile, config: MatchingConfig): FallbackAuthority | null {
  const minor = isMinor(profile) ?? config.eligibility.unknownAge === 'MINOR';
  if (!minor) return null;
  const residence = profile.residenceStatus ?? ResidenceStatus.UNKNOWN;
  const nidos = profile.unaccompanied !== false && config.nidosResidenceStatuses.includes(residence);
  return { authority: PlacingAuthority.JEUGDBESCHERMING, organisation: nidos ? NIDOS_ORGANISATION : null };
}
