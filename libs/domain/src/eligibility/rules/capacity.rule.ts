import { availablePlaces, CapacityCounts } from '../../capacity';
import { groupSizeOf } from '../../profile';
import { EligibilityRule } from '../context';
import { exclude, ExclusionCode, ExclusionReason, PASS } from '../exclusion';

/**
 * Why these counts have no room for a group of `needed`, or `null` when they have. The capacity
 * rule itself, on counts alone: the paged matcher applies it to capacity read apart from the
 * facility definitions.
 */
export function capacityExclusion(counts: CapacityCounts, needed: number): ExclusionReason | null {
  const free = availablePlaces(counts);
  if (free >= needed) return null;
  return exclude(
    ExclusionCode.NO_CAPACITY,
    free === 0 ? 'no free place' : `only ${free} free place${free === 1 ? '' : 's'} for a group of ${needed}`,
  );
}

/**
 * Enough free places for the whole group (domain.md:56, 003:484). A full facility is excluded with
 * NO_CAPACITY rather than listed as "placeable later": a place frees up only when someone leaves.
 */
export const capacityRule: EligibilityRule = ({ profile, facility }) =>
  capacityExclusion(facility.capacity, groupSizeOf(profile)) ?? PASS;
