import type { ExclusionReason, FacilitySnapshot, VictimProfile } from '@opvangplek/domain';
import type { MatchingService } from '@opvangplek/matching';
import { ConflictError } from '@opvangplek/platform';

/**
 * Why the places she holds at `facilityIds` no longer fit `profile` (empty: they fit), judged on
 * the facilities read before the transaction (inside it every read must use its own connection).
 * A place taken since they were read is not judged blind: the caller is asked to read again and
 * `retry` (e.g. "record the change again").
 */
export function placeMisfitsAmong(
  matching: MatchingService,
  profile: VictimProfile,
  facilityIds: readonly string[],
  facilities: ReadonlyMap<string, FacilitySnapshot>,
  at: Date,
  retry: string,
  foundInRegion: string | null,
): Promise<ExclusionReason[]> {
  const known = [...new Set(facilityIds)].map((id) => facilities.get(id));
  if (known.some((facility) => !facility)) throw new ConflictError(`This request changed meanwhile; read it again and ${retry}.`);
  return matching.misfits(profile, known as FacilitySnapshot[], at, foundInRegion);
}
