/**
 * The group split the `matchFacilities` answer proposes (its `groupSplit`), as told to the asker:
 * `planGroupAllocation` over the places open now, with each facility whose counts the asker may not
 * see (a secret address, issue 12) taken at what its band says, not at its real free places.
 */
import { availablePlaces, CapacityCounts } from '../capacity';
import type { FacilitySnapshot } from '../eligibility/context';
import { Allocation, planGroupAllocation } from '../placement/placement-decision';
import type { FacilityMatch } from './match-facilities';

/**
 * The counts a split is planned on for a facility whose counts are withheld: room for its largest
 * group when its band is AVAILABLE, none when NONE. A function of the band and the register alone.
 *
 * Why its largest group and not its real free places: greedy shares are min(free, maxGroupSize,
 * still to place), so a share of 5 at a facility taking groups of 8 says "5 free", and the shares
 * for groups of 9, 10, ... count its places as exactly as the probe issue 12 describes. Why not one
 * place (all the band promises): the matches in the same answer show it fitting any group up to its
 * maxGroupSize (capacity.rule.ts), and a split that scatters a group (003:484) over more places than
 * that would contradict them. So the split is as optimistic as the matches: the worker splits a
 * real request on the real counts (decision.ts, holds taken atomically), which may give other shares
 * or a wait, but never more places than are free.
 */
export function withheldCounts(facility: Pick<FacilitySnapshot, 'capacity' | 'eligibility'>): CapacityCounts {
  const places = availablePlaces(facility.capacity) > 0 ? Math.max(1, facility.eligibility.maxGroupSize) : 0;
  return { total: places, occupied: 0, held: 0, outOfService: 0 };
}

/** `planGroupAllocation` as the asker may be told it: withheld counts replaced by `withheldCounts`. */
export function previewGroupAllocation(
  candidates: readonly FacilityMatch[],
  groupSize: number,
  countsShown: (facility: { id: string; secretAddress: boolean }) => boolean,
): Allocation[] | null {
  return planGroupAllocation(
    candidates.map((match) =>
      countsShown(match.facility)
        ? match
        : { ...match, facility: { ...match.facility, capacity: withheldCounts(match.facility) } },
    ),
    groupSize,
  );
}
