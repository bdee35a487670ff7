/**
 * Issue 12: what matchFacilities tells about a secret-address facility to someone who may not see
 * its counts must not move with each hold: not its score, not its reasons, not its exclusion.
 */
import { availabilityBand, AvailabilityBand } from '../capacity';
import { capacityExclusion, roomAskedFor } from '../eligibility/rules/capacity.rule';
import { ExclusionCode } from '../eligibility/exclusion';
import { newFacility, newProfile } from '../testing/factories';
import { freePlacesReason, matchFacilities, rankedFreePlaces } from './match-facilities';
import { MatchReasonCode } from './match-reason';

const AT = new Date('2026-06-10T10:00:00Z');
const hidden = (f: { secretAddress: boolean }) => !f.secretAddress;

describe('a secret facility whose counts the asker may not see (issue 12)', () => {
  const secretWith = (held: number, total = 6) =>
    newFacility({ id: 'secret-1', secretAddress: true, capacity: { total, occupied: 1, held, outOfService: 0 } });

  it('ranks and describes it the same before and after a hold that leaves a place free', () => {
    const before = matchFacilities({ profile: newProfile(), facilities: [secretWith(0)], at: AT, countsShown: hidden });
    const after = matchFacilities({ profile: newProfile(), facilities: [secretWith(3)], at: AT, countsShown: hidden });
    expect(after.matches[0].score).toBe(before.matches[0].score);
    expect(after.matches[0].reasons).toEqual(before.matches[0].reasons);
    expect(after.matches[0].reasons).toContain('a place free (count withheld: secret address)');
    expect(after.matches[0].reasons.join(' ')).not.toMatch(/\d+ free place/);
  });

  it('gives its codes no count either: PLACE_FREE_COUNT_WITHHELD, and no reason with a number of places', () => {
    const after = matchFacilities({ profile: newProfile(), facilities: [secretWith(3)], at: AT, countsShown: hidden });
    const codes = after.matches[0].reasonCodes;
    expect(codes.map((r) => r.code)).toContain(MatchReasonCode.PLACE_FREE_COUNT_WITHHELD);
    expect(codes.map((r) => r.code)).not.toContain(MatchReasonCode.FREE_PLACES);
    expect(codes.every((r) => r.params.places === undefined)).toBe(true);
    const before = matchFacilities({ profile: newProfile(), facilities: [secretWith(0)], at: AT, countsShown: hidden });
    expect(codes).toEqual(before.matches[0].reasonCodes);
  });

  it('still shows the count, and ranks by it, to whoever may see it (and by default)', () => {
    const before = matchFacilities({ profile: newProfile(), facilities: [secretWith(0)], at: AT });
    const after = matchFacilities({ profile: newProfile(), facilities: [secretWith(3)], at: AT });
    expect(before.matches[0].reasons).toContain('5 free places');
    expect(after.matches[0].reasons).toContain('2 free places');
    expect(after.matches[0].score).toBeLessThan(before.matches[0].score);
  });

  it('issue 12, a zorgcoördinator probing group sizes: a secret crisis shelter taking groups of 8 with 5 free fits every group of 1 to 8, and none of 9', () => {
    const shelter = newFacility({
      id: 'secret-1',
      secretAddress: true,
      eligibility: { maxGroupSize: 8 },
      capacity: { total: 10, occupied: 5, held: 0, outOfService: 0 },
    });
    const answers = [1, 2, 3, 4, 5, 6, 7, 8].map((groupSize) =>
      matchFacilities({ profile: newProfile({ groupSize }), facilities: [shelter], at: AT, countsShown: hidden }),
    );
    for (const answer of answers) {
      expect(answer.excluded).toEqual([]);
      expect(answer.matches.map((m) => m.facility.id)).toEqual(['secret-1']);
      expect(answer.matches[0].reasons).toContain('a place free (count withheld: secret address)');
    }
    // The same score for every group size; only the group-size line names the group.
    expect(new Set(answers.map((a) => a.matches[0].score)).size).toBe(1);
    expect(answers[5].matches[0].reasons).toContain('a group of 6: whether all fit here is checked when placing');
    expect(answers[0].matches[0].reasons.join(' ')).not.toMatch(/a group of/);
    const nine = matchFacilities({ profile: newProfile({ groupSize: 9 }), facilities: [shelter], at: AT, countsShown: hidden });
    // Its maxGroupSize is register data everyone sees; its room is not asked of a group it does not take.
    expect(nine.excluded[0].reasons.map((r) => r.code)).toEqual([ExclusionCode.GROUP_SIZE]);
  });

  it('excludes it with NO_CAPACITY whatever the group size when no place is free (band NONE)', () => {
    const full = newFacility({
      id: 'secret-1',
      secretAddress: true,
      eligibility: { maxGroupSize: 8 },
      capacity: { total: 10, occupied: 9, held: 1, outOfService: 0 },
    });
    for (const groupSize of [1, 3, 8]) {
      const result = matchFacilities({ profile: newProfile({ groupSize }), facilities: [full], at: AT, countsShown: hidden });
      expect(result.matches).toEqual([]);
      expect(result.excluded[0].reasons).toEqual([{ code: ExclusionCode.NO_CAPACITY, message: 'no free place' }]);
    }
  });

  it('to whoever may see the counts (its staff, and by default), a group is still decided on them', () => {
    const group = newProfile({ groupSize: 3 });
    const shown = matchFacilities({ profile: group, facilities: [secretWith(3)], at: AT });
    expect(shown.matches).toEqual([]);
    expect(shown.excluded[0].reasons.find((r) => r.code === ExclusionCode.NO_CAPACITY)!.message).toBe(
      'only 2 free places for a group of 3',
    );
    // Told on its band (2 free: AVAILABLE), it fits the group of 3 (it takes groups up to 3).
    const asBand = matchFacilities({
      profile: group,
      facilities: [{ ...secretWith(3), eligibility: { ...secretWith(3).eligibility, maxGroupSize: 3 } }],
      at: AT,
      countsShown: hidden,
    });
    expect(asBand.matches.map((m) => m.facility.id)).toEqual(['secret-1']);
  });
});

describe('the pieces', () => {
  it('availabilityBand: NONE at zero, AVAILABLE from one place', () => {
    expect([0, 1, 2, 40].map(availabilityBand)).toEqual([
      AvailabilityBand.NONE,
      AvailabilityBand.AVAILABLE,
      AvailabilityBand.AVAILABLE,
      AvailabilityBand.AVAILABLE,
    ]);
  });

  it('rankedFreePlaces: the cap whenever there is room', () => {
    expect([0, 1, 2, 9].map((free) => rankedFreePlaces(free, 5))).toEqual([0, 5, 5, 5]);
  });

  it('freePlacesReason: a count only when shown', () => {
    expect(freePlacesReason(1, true)).toEqual({ code: MatchReasonCode.FREE_PLACES, params: { places: 1 } });
    expect(freePlacesReason(3, false)).toEqual({ code: MatchReasonCode.PLACE_FREE_COUNT_WITHHELD, params: {} });
    expect(freePlacesReason(0, false)).toEqual({ code: MatchReasonCode.NO_FREE_PLACE, params: {} });
  });

  it('capacityExclusion: on the counts when shown, on the band when withheld', () => {
    const counts = { total: 4, occupied: 2, held: 0, outOfService: 0 };
    expect(capacityExclusion(counts, 3)!.message).toBe('only 2 free places for a group of 3');
    expect(capacityExclusion(counts, 3, false)).toBeNull();
    expect(capacityExclusion(counts, 40, false)).toBeNull();
    const full = { ...counts, occupied: 4 };
    expect(capacityExclusion(full, 1, false)).toEqual(capacityExclusion(full, 1));
    expect(capacityExclusion(full, 5, false)!.message).toBe('no free place');
    expect([roomAskedFor(6, true), roomAskedFor(6, false)]).toEqual([6, 1]);
  });
});
