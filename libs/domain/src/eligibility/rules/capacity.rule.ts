import { availablePlaces, CapacityCounts } from '../../capacity';
import { groupSizeOf } from '../../profile';
import { EligibilityRule } from '../context';
import { exclude, ExclusionCode, ExclusionReason, PASS } from '../exclusion';

/**
 * Why these counts have no room for a group of `needed`, or `null` when they have. The capacity
 * rule itself, on counts alone: the paged matcher applies it to capacity read apart from the
 * facility definitions.
 *
 * `countsShown: false` is the answer for someone who may not see the facility's counts (a secret
 * address they may not locate, issue 12): it is a function of its band alone (availabilityBand:
 * NONE at zero free places, else AVAILABLE). A facility with a place free has room for any group
 * it takes (the group-size rule holds it to its maxGroupSize); one without has none. Deciding a
 * group on the real count instead would tell it exactly: a group of 5 fits, a group of 6 does not,
 * so 5 are free. This answer may be optimistic for a group; the placement itself (the workflow's
 * matching, assignPlacement) always decides and holds on the real counts, so it cannot over-book.
 */
export function capacityExclusion(counts: CapacityCounts, needed: number, countsShown = true): ExclusionReason | null {
  const free = availablePlaces(counts);
  if (free >= roomAskedFor(needed, countsShown)) return null;
  if (free === 0) return exclude(ExclusionCode.NO_CAPACITY, NO_FREE_PLACE);
  return exclude(ExclusionCode.NO_CAPACITY, `only ${free} free place${free === 1 ? '' : 's'} for a group of ${needed}`);
}

/**
 * The group size the capacity rule asks room for, as told to this caller: the group's, or one
 * place when the counts are withheld (the band says only whether one place is free). Whoever sums
 * "facilities without room" (the exclusion summary's NO_CAPACITY, counted in SQL) counts with it.
 */
export const roomAskedFor = (needed: number, countsShown: boolean): number => (countsShown ? needed : 1);

const NO_FREE_PLACE = 'no free place';

/**
 * Enough free places for the whole group (domain.md:56, 003:484). A full facility is excluded with
 * NO_CAPACITY rather than listed as "placeable later": a place frees up only when someone leaves.
 */
export const capacityRule: EligibilityRule = ({ profile, facility }) =>
  capacityExclusion(facility.capacity, groupSizeOf(profile)) ?? PASS;
