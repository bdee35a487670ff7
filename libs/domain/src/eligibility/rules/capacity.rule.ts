import { availablePlaces, CapacityCounts } from '../../capacity';
import { groupSizeOf } from '../../profile';
import { EligibilityRule } from '../context';
import { exclude, ExclusionCode, ExclusionReason, PASS } from '../exclusion';

/**
 * Why these counts have no room for a group of `needed`, or `null` when they have. The capacity
 * rule itself, on counts alone: the paged matcher applies it to capacity read apart from the
 * facility definitions.
 */
export function capacityExclusion(counts: CapacityCounts, needed: number, countsShown = true): ExclusionReason | null {
  const free = availablePlaces(counts);
  if (free >= needed) return null;
  if (free === 0) return exclude(ExclusionCode.NO_CAPACITY, NO_FREE_PLACE);
  return exclude(
    ExclusionCode.NO_CAPACITY,
    countsShown ? `only ${free} free place${free === 1 ? '' : 's'} for a group of ${needed}` : notEnoughFor(needed),
  );
}

const NO_FREE_PLACE = 'no free place';
const notEnoughFor = (needed: number) => `not enough free places for a group of ${needed}`;

/**
 * A reason as told to someone who may not see the facility's counts (a secret address they may not
 * locate, issue 12): "only 2 free places" would move with each hold; that there is no free place,
 * or not enough for the group, is what the exclusion says anyway.
 */
export const withoutCount =
  (needed: number) =>
  (reason: ExclusionReason): ExclusionReason =>
    reason.code === ExclusionCode.NO_CAPACITY && reason.message !== NO_FREE_PLACE
      ? { ...reason, message: notEnoughFor(needed) }
      : reason;

/**
 * Enough free places for the whole group (domain.md:56, 003:484). A full facility is excluded with
 * NO_CAPACITY rather than listed as "placeable later": a place frees up only when someone leaves.
 */
export const capacityRule: EligibilityRule = ({ profile, facility }) =>
  capacityExclusion(facility.capacity, groupSizeOf(profile)) ?? PASS;
