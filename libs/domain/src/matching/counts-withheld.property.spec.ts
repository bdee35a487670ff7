/**
 * Issue 12, a zorgcoördinator probing group sizes: for an asker who may not see a secret facility's
 * counts, everything the match answer says about it (matched or excluded, score, reasons, the
 * exclusion summary, the group split) is a function of its band and its register data, never of
 * its real free count. So two registers that differ only in that facility's free places, both at
 * least one (band AVAILABLE), give the same answer, for every group size.
 */
import fc from 'fast-check';
import { CapacityCounts } from '../capacity';
import { FacilitySnapshot } from '../eligibility/context';
import { roomAskedFor, capacityExclusion } from '../eligibility/rules/capacity.rule';
import { groupSizeOf } from '../profile';
import { inputArb } from '../testing/matching-arbitraries';
import { previewGroupAllocation } from './group-split-preview';
import { matchFacilities, MatchInput } from './match-facilities';
import { capacityNeeded, matchPage, screenRegister } from './match-page';
import { RegisterIndex } from './register-index';

const withheld = (f: { secretAddress: boolean }) => !f.secretAddress;

/** The counts with exactly `free` free places (the rest as they were). */
const withFree = (counts: CapacityCounts, free: number): CapacityCounts => ({
  ...counts,
  total: counts.occupied + counts.held + counts.outOfService + free,
});

/** Everything the asker is told, without the snapshots' counts (the API shows them through the facility view, withheld). */
function told(input: MatchInput, groupSize: number) {
  const result = matchFacilities({ ...input, profile: { ...input.profile, groupSize } });
  const summary = new Map<string, number>();
  for (const e of result.excluded) {
    for (const code of new Set(e.reasons.map((r) => r.code))) summary.set(code, (summary.get(code) ?? 0) + 1);
  }
  // The service's groupSplit: the places open now that match one person, split for the group.
  const single = matchFacilities({ ...input, profile: { ...input.profile, groupSize: 1 } });
  return {
    matches: result.matches.map(({ facility, ...rest }) => ({ id: facility.id, ...rest })),
    excluded: result.excluded.map(({ facility, reasons }) => ({ id: facility.id, reasons })),
    excludedCount: result.excluded.length,
    summary: [...summary].sort(),
    advice: result.advice,
    groupSplit: previewGroupAllocation(
      single.matches.filter((m) => m.placeableNow),
      groupSize,
      withheld,
    ),
  };
}

const caseArb = fc
  .record({
    input: inputArb,
    groupSize: fc.integer({ min: 1, max: 16 }),
    target: fc.nat(),
    a: fc.integer({ min: 1, max: 12 }),
    b: fc.integer({ min: 1, max: 12 }),
  })
  .filter((c) => c.input.facilities.length > 0);

describe('issue 12: a zorgcoördinator probing group sizes learns nothing of a secret facility’s free count', () => {
  it('matchFacilities answers the same for any two free counts ≥ 1 (band AVAILABLE), for every group size', () => {
    let matchedGroups = 0;
    let splitShares = 0;
    fc.assert(
      fc.property(caseArb, ({ input, groupSize, target, a, b }) => {
        const i = target % input.facilities.length;
        const at = (free: number): MatchInput => ({
          ...input,
          profile: { ...input.profile, groupSize },
          countsShown: withheld,
          facilities: input.facilities.map((f, j) =>
            j === i ? { ...f, secretAddress: true, capacity: withFree(f.capacity, free) } : f,
          ),
        });
        const one = told(at(a), groupSize);
        expect(one).toEqual(told(at(b), groupSize));
        const id = input.facilities[i].id;
        if (groupSize > Math.min(a, b) && one.matches.some((m) => m.id === id)) matchedGroups++;
        if (one.groupSplit?.some((share) => share.facilityId === id && share.places > Math.min(a, b))) splitShares++;
      }),
      { numRuns: 400 },
    );
    // Groups larger than the real free count were among those shown the facility.
    expect(matchedGroups).toBeGreaterThan(0);
    // ...and split shares there larger than its real free count.
    expect(splitShares).toBeGreaterThan(0);
  });

  it('the paged matcher too: its page, counts and summary with withoutRoom counted as the SQL does (roomAskedFor)', () => {
    fc.assert(
      fc.property(caseArb, ({ input, groupSize, target, a, b }) => {
        const i = target % input.facilities.length;
        const pageAt = (free: number) => {
          const facilities: FacilitySnapshot[] = input.facilities.map((f, j) =>
            j === i ? { ...f, secretAddress: true, capacity: withFree(f.capacity, free) } : f,
          );
          const profile = { ...input.profile, groupSize };
          const register = new RegisterIndex(facilities);
          const screening = screenRegister(register, profile, input.at);
          const needed = groupSizeOf(profile);
          const readable = new Set(capacityNeeded(screening));
          const page = matchPage({
            ...input,
            profile,
            countsShown: withheld,
            register,
            screening,
            capacity: (p) =>
              readable.has(p) ? { ...facilities[p].capacity, confirmedAt: facilities[p].capacityUpdatedAt } : undefined,
            withoutRoom: facilities.filter(
              (f) => capacityExclusion(f.capacity, roomAskedFor(needed, withheld(f)), withheld(f)) !== null,
            ).length,
          });
          return {
            ...page,
            matches: page.matches.map(({ facility, ...rest }) => ({ id: facility.id, ...rest })),
            excluded: page.excluded.map(({ facility, reasons }) => ({ id: facility.id, reasons })),
          };
        };
        expect(pageAt(a)).toEqual(pageAt(b));
      }),
      { numRuns: 300 },
    );
  });
});
