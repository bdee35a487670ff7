import { AangifteStatus, B8Status, ExploitationType, Gender, PlacementStatus, ResidenceStatus, ShelterType } from '../enums';
import type { ExclusionReason } from '../eligibility/exclusion';
import { DEFAULT_MATCHING_CONFIG } from '../matching-config';
import type { VictimProfile } from '../profile';
import { newFacility } from '../testing/factories';
import {
  applyProfileChange,
  bedenktijdAlertHorizon,
  bedenktijdEndsAt,
  bedenktijdIsOver,
  missingCompanionField,
  onwardAfterProfileChange,
  placeMisfits,
  reevaluateAfterProfileChange,
} from './profile-change';

const inBedenktijd: VictimProfile = {
  gender: Gender.FEMALE,
  age: 24,
  exploitationTypes: [ExploitationType.SEXUAL],
  residenceStatus: ResidenceStatus.NO_LAWFUL_RESIDENCE,
  b8Status: B8Status.BEDENKTIJD,
  bedenktijdStart: '2026-11-27',
  aangifte: AangifteStatus.NONE,
};

describe('her profile over time (issue 14)', () => {
  it('applies only the fields given, names what changed, and a permit ends the bedenktijd', () => {
    const applied = applyProfileChange(inBedenktijd, { b8Status: B8Status.B8_PERMIT, aangifte: AangifteStatus.DONE });
    expect(applied.changed).toEqual(['b8Status', 'bedenktijdStart', 'aangifte']);
    expect(applied.profile).toMatchObject({ b8Status: B8Status.B8_PERMIT, bedenktijdStart: null, gender: Gender.FEMALE });
    expect(applied.before).toEqual({
      b8Status: B8Status.BEDENKTIJD,
      bedenktijdStart: '2026-11-27',
      aangifte: AangifteStatus.NONE,
    });
    expect(applyProfileChange(inBedenktijd, { aangifte: AangifteStatus.NONE }).changed).toEqual([]);
  });

  it('a hidden field given is recorded even unchanged, so the answer never confirms a guess of it (red team, fourth pass N4)', () => {
    expect(applyProfileChange(inBedenktijd, { age: 24, minor: null }).changed).toEqual(['age', 'minor']);
    expect(applyProfileChange(inBedenktijd, { age: 31, minor: null }).changed).toEqual(['age', 'minor']);
  });

  it('fields checked against each other are given together, so a refusal tells nothing about what is recorded (red team N5)', () => {
    expect(missingCompanionField({ minor: true })).toEqual({ field: 'age', givenWith: 'minor' });
    expect(missingCompanionField({ age: 17 })).toEqual({ field: 'minor', givenWith: 'age' });
    expect(missingCompanionField({ age: 17, minor: null })).toBeNull();
    expect(missingCompanionField({ b8Status: B8Status.B8_PERMIT })).toEqual({ field: 'residenceStatus', givenWith: 'b8Status' });
    expect(missingCompanionField({ bedenktijdStart: '2026-11-01' })).toEqual({
      field: 'residenceStatus',
      givenWith: 'bedenktijdStart',
    });
    expect(missingCompanionField({ residenceStatus: ResidenceStatus.EU_CITIZEN })).toEqual({
      field: 'b8Status',
      givenWith: 'residenceStatus',
    });
    expect(
      missingCompanionField({ residenceStatus: ResidenceStatus.EU_CITIZEN, b8Status: B8Status.B9, languages: ['pl'] }),
    ).toBeNull();
  });

  it('a bedenktijd that started more than three months ago is over (003:661); a future or unreadable start is left to the profile checks', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    expect(bedenktijdIsOver('2020-03-01', now)).toBe(true);
    expect(bedenktijdIsOver('2026-09-01', now)).toBe(true); // ended 1 December 00:00 in Amsterdam
    expect(bedenktijdIsOver('2026-09-02', now)).toBe(false);
    expect(bedenktijdIsOver('9999-12-31', now)).toBe(false);
    expect(bedenktijdIsOver('not a date', now)).toBe(false);
  });

  it('her bedenktijd ends three months after its start, at midnight in Amsterdam (003:661), and is warned of 14 days ahead', () => {
    const end = bedenktijdEndsAt(inBedenktijd)!;
    expect(end.toISOString()).toBe('2027-02-26T23:00:00.000Z');
    expect(bedenktijdEndsAt({ b8Status: B8Status.B8_PERMIT, bedenktijdStart: null })).toBeNull();
    const dueFrom = new Date(end.getTime() - 14 * 24 * 3_600_000);
    expect(bedenktijdAlertHorizon(new Date(dueFrom.getTime() - 1), 14) < end).toBe(true);
    expect(bedenktijdAlertHorizon(dueFrom, 14)).toEqual(end);
  });

  it('waiting requests re-match; a held or taken place is kept while it fits, else withdrawn or transferred', () => {
    const misfit = [{ code: 'B8_STATUS', detail: 'x' }] as unknown as ExclusionReason[];
    expect(reevaluateAfterProfileChange(PlacementStatus.WAITING, null)).toEqual({ kind: 'REMATCH' });
    expect(reevaluateAfterProfileChange(PlacementStatus.OFFERED, [])).toEqual({ kind: 'NOTHING' });
    expect(reevaluateAfterProfileChange(PlacementStatus.ACCEPTED, misfit)).toMatchObject({ kind: 'WITHDRAW_OFFER' });
    expect(reevaluateAfterProfileChange(PlacementStatus.PLACED, misfit)).toMatchObject({ kind: 'TRANSFER' });
    expect(reevaluateAfterProfileChange(PlacementStatus.PLACED, [])).toEqual({ kind: 'NOTHING' });
  });

  it('COSM no longer fits after a B8 permit: VO/MO is the place (000:2131-2134)', () => {
    const at = new Date('2026-12-01T10:00:00Z');
    const cosm = newFacility({ type: ShelterType.COSM });
    expect(placeMisfits(inBedenktijd, [cosm], at, DEFAULT_MATCHING_CONFIG)).toEqual([]);
    const permitted = applyProfileChange(inBedenktijd, { b8Status: B8Status.B8_PERMIT }).profile;
    expect(placeMisfits(permitted, [cosm], at, DEFAULT_MATCHING_CONFIG).map((reason) => reason.code)).toContain('B8_STATUS');
  });

  it('lists given twice over are kept once', () => {
    const applied = applyProfileChange(inBedenktijd, { languages: ['en', 'en', 'nl'], excludedRegionCodes: ['RR', 'RR'] });
    expect(applied.profile).toMatchObject({ languages: ['en', 'nl'], excludedRegionCodes: ['RR'] });
  });

  describe('an onward COSM request after her interim VO place, once her profile changed', () => {
    const at = new Date('2026-12-01T10:00:00.000Z');
    const cosm = newFacility({ type: ShelterType.COSM });
    const vo = newFacility({ type: ShelterType.VROUWENOPVANG });
    const permitted = { ...inBedenktijd, b8Status: B8Status.B8_PERMIT, bedenktijdStart: null };
    const verdict = (profile: VictimProfile, interim: (typeof vo)[] | null) =>
      onwardAfterProfileChange(profile, [cosm], interim, at, DEFAULT_MATCHING_CONFIG);

    it('still in her bedenktijd: COSM still fits, the onward request is kept', () => {
      expect(verdict(inBedenktijd, [vo])).toBe('KEEP');
    });
    it('a B8 permit: no COSM fits, and the VO place she is in is now her place (000:2131-2134)', () => {
      expect(verdict(permitted, [vo])).toBe('NOT_NEEDED');
    });
    it('a B8 permit before she arrived, or in a noodbed: matched again for any kind', () => {
      expect(verdict(permitted, null)).toBe('ANY_KIND');
      expect(verdict(permitted, [newFacility({ type: ShelterType.NOODBED })])).toBe('ANY_KIND');
    });
  });
});
