import type { Viewer } from '@opvangplek/access';
import { Role } from '@opvangplek/domain';
import type { PlacementHoldEntity } from './placement-hold.entity';

/** What one viewer may know of a parallel offer (issue 18). */
export interface ParallelOfferView {
  /** How many other shelters the offer went to as well (never which). */
  alsoOfferedTo: number;
  /** For a shelter another one beat to it: when its place was released. */
  takenElsewhereAt: Date | null;
  /**
   * Shelter staff of one of its facilities: they see their own facility only (no allocations,
   * names or answers of the others, issue 18 "no names of the others").
   */
  ownFacilityIds: ReadonlySet<string> | null;
}

/**
 * The request's latest parallel offer as `viewer` may see it, or null when it has none (or, for
 * shelter staff, when their facility was not one of it). The holds of one offer are inserted in
 * one statement, so they share their createdAt; an earlier parallel offer that lapsed is not this one.
 */
export function parallelOfferView(viewer: Viewer, holds: readonly PlacementHoldEntity[]): ParallelOfferView | null {
  const parallel = holds.filter((hold) => hold.parallel);
  if (parallel.length === 0) return null;
  const latest = Math.max(...parallel.map((hold) => hold.createdAt.getTime()));
  const offer = parallel.filter((hold) => hold.createdAt.getTime() === latest);
  if (viewer.role !== Role.SHELTER_STAFF)
    return { alsoOfferedTo: offer.length - 1, takenElsewhereAt: null, ownFacilityIds: null };
  const own = offer.filter((hold) => viewer.facilityIds.includes(hold.facilityId));
  if (own.length === 0) return null;
  const taken = own.map((hold) => hold.takenElsewhereAt).filter((at): at is Date => at !== null);
  return {
    alsoOfferedTo: offer.length - own.length,
    // Taken elsewhere only when none of the viewer's places is live (an administrator-like multi-facility viewer).
    takenElsewhereAt: taken.length === own.length ? taken[0] : null,
    ownFacilityIds: new Set(own.map((hold) => hold.facilityId)),
  };
}
