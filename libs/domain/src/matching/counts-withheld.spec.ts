/**
 * Issue 12: what matchFacilities tells about a secret-address facility to someone who may not see
 * its counts must not move with each hold: not its score, not its reasons, not its exclusion.
 */
import { availabilityBand, AvailabilityBand } from '../capacity';
import { capacityExclusion, withoutCount } from '../eligibility/rules/capacity.rule';
import { ExclusionCode } from '../eligibility/exclusion';
import { newFacility, newProfile } from '../testing/factories';
import { freePlacesReason, matchFacilities, rankedFreePlaces } from './match-facilities';

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

  it('still shows the count, and ranks by it, to whoever may see it (and by default)', () => {
    const before = matchFacilities({ profile: newProfile(), facilities: [secretWith(0)], at: AT });
    const after = matchFacilities({ profile: newProfile(), facilities: [secretWith(3)], at: AT });
    expect(before.matches[0].reasons).toContain('5 free places');
    expect(after.matches[0].reasons).toContain('2 free places');
    expect(after.matches[0].score).toBeLessThan(before.matches[0].score);
  });

  it('excludes it for a group on the real counts, without saying how many are free', () => {
    const group = newProfile({ groupSize: 3 });
    const result = matchFacilities({ profile: group, facilities: [secretWith(3)], at: AT, countsShown: hidden });
    expect(result.matches).toEqual([]);
    const reason = result.excluded[0].reasons.find((r) => r.code === ExclusionCode.NO_CAPACITY)!;
    expect(reason.message).toBe('not enough free places for a group of 3');
    const shown = matchFacilities({ profile: group, facilities: [secretWith(3)], at: AT });
    expect(shown.excluded[0].reasons.find((r) => r.code === ExclusionCode.NO_CAPACITY)!.message).toBe(
      'only 2 free places for a group of 3',
    );
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
    expect(freePlacesReason(1, true)).toBe('1 free place');
    expect(freePlacesReason(3, false)).toBe('a place free (count withheld: secret address)');
    expect(freePlacesReason(0, false)).toBe('no free place');
  });

  it('capacityExclusion and withoutCount agree on the withheld message', () => {
    const counts = { total: 4, occupied: 2, held: 0, outOfService: 0 };
    expect(capacityExclusion(counts, 3, false)!.message).toBe('not enough free places for a group of 3');
    expect(withoutCount(3)(capacityExclusion(counts, 3)!)).toEqual(capacityExclusion(counts, 3, false));
    const full = capacityExclusion({ ...counts, occupied: 4 }, 1)!;
    expect(withoutCount(1)(full)).toEqual(full);
  });
});
