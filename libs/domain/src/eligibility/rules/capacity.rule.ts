import { availablePlaces } from '../../capacity';
import { groupSizeOf } from '../../profile';
import { EligibilityRule } from '../context';
import { exclude, ExclusionCode, PASS } from '../exclusion';

/**
 * Enough free places for the whole group (domain.md:56, 003:484). A full facility is excluded with
 * NO_CAPACITY rather than listed as "placeable later": a place frees up only when someone leaves.
 */
export const capacityRule: EligibilityRule = ({ profile, facility }) => {
  const free = availablePlaces(facility.capacity);
  const needed = groupSizeOf(profile);
  if (free >= needed) return PASS;
  return exclude(
    ExclusionCode.NO_CAPACITY,
    free === 0 ? 'no free place' : `only ${free} free place${free === 1 ? '' : 's'} for a group of ${needed}`,
  );
};
