import { Role } from '@opvangplek/domain';
import type { Viewer } from '@opvangplek/access';

/**
 * Whether a caller may learn where a facility is (address, municipality, coordinates).
 * A secret-address facility's location is known to its own staff only (domain.md §6, 004:7079-7089:
 * a leaked address endangers a life). The placing party of an accepted placement is added by the
 * placement workflow, which knows about requests; ADMIN is deliberately not an exception.
 */
export function mayKnowLocation(viewer: Viewer, facility: { id: string; secretAddress: boolean }): boolean {
  if (!facility.secretAddress) return true;
  return viewer.role === Role.SHELTER_STAFF && viewer.facilityIds.includes(facility.id);
}
