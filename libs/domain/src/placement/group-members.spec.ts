import fc from 'fast-check';
import { evaluateEligibility } from '../eligibility/evaluate';
import { AangifteStatus, B8Status, ExploitationType, Gender, ResidenceStatus, ShelterType } from '../enums';
import { DEFAULT_MATCHING_CONFIG } from '../matching-config';
import { isMinor } from '../profile';
import { newFacility } from '../testing/factories';
import { profileArb } from '../testing/matching-arbitraries';
import { commonProfile, type GroupMember, partitionGroup } from './group-members';

const member = (gender: Gender, age: number, extra = {}): GroupMember => ({
  label: null,
  profile: { gender, age, exploitationTypes: [ExploitationType.LABOUR], residenceStatus: ResidenceStatus.EU_CITIZEN, ...extra },
});

describe('a group as its members (003:484)', () => {
  it('a mixed group of men, women and a minor is one request in parts: women, men, and the minor alone for youth care (002:771-775)', () => {
    const parts = partitionGroup(
      [member(Gender.MALE, 34), member(Gender.FEMALE, 29), member(Gender.MALE, 41), member(Gender.FEMALE, 16)],
      DEFAULT_MATCHING_CONFIG,
    );
    expect(parts.map((p) => [p.kind, p.members.length])).toEqual([
      ['ADULT_WOMEN', 1],
      ['ADULT_MEN', 2],
      ['MINOR', 1],
    ]);
    expect(parts[1].profile).toMatchObject({ gender: Gender.MALE, age: 34, groupSize: 2 });
    expect(isMinor(parts[2].profile)).toBe(true);
  });

  it('keeps together members the rules read alike: no aangifte said or NONE, B8/3 NOT_APPLICABLE beside an EU status or none (red team, issue 15)', () => {
    const parts = partitionGroup(
      [
        member(Gender.FEMALE, 25),
        member(Gender.FEMALE, 31, { aangifte: AangifteStatus.NONE }),
        member(Gender.FEMALE, 36, { b8Status: B8Status.NOT_APPLICABLE }),
      ],
      DEFAULT_MATCHING_CONFIG,
    );
    expect(parts.map((p) => [p.kind, p.members.length])).toEqual([['ADULT_WOMEN', 3]]);
    // An aangifte done does say something: she is matched apart.
    expect(
      partitionGroup(
        [member(Gender.FEMALE, 25), member(Gender.FEMALE, 31, { aangifte: AangifteStatus.DONE })],
        DEFAULT_MATCHING_CONFIG,
      ),
    ).toHaveLength(2);
  });

  it('the common profile keeps what any member needs and a status only all share', () => {
    const common = commonProfile([
      member(Gender.MALE, 30, { careNeeds: ['GGZ'], languages: ['pl'] }),
      member(Gender.MALE, 25, { accompanyingChildren: 1, languages: ['ro'] }),
    ]);
    expect(common).toMatchObject({
      age: 25,
      residenceStatus: ResidenceStatus.EU_CITIZEN,
      careNeeds: ['GGZ'],
      accompanyingChildren: 1,
      groupSize: 2,
    });
    expect(common.languages).toEqual(['pl', 'ro']);
    // Members whose status or kind of exploitation differ are matched apart.
    const parts = partitionGroup(
      [member(Gender.MALE, 30), member(Gender.MALE, 25, { residenceStatus: ResidenceStatus.NO_LAWFUL_RESIDENCE })],
      DEFAULT_MATCHING_CONFIG,
    );
    expect(parts.map((p) => p.members.length)).toEqual([1, 1]);
  });

  it('property: every member is in exactly one part, and a facility that takes a part’s common profile takes each of its members (profile rules; a maximum age is read against the youngest only)', () => {
    const facilityArb = fc.constantFrom(...Object.values(ShelterType)).map((type) => newFacility({ id: `f-${type}`, type }));
    fc.assert(
      fc.property(fc.array(profileArb, { minLength: 1, maxLength: 8 }), facilityArb, (profiles, facility) => {
        const members = profiles.map((profile) => ({ label: null, profile: { ...profile, groupSize: 1 } }));
        const parts = partitionGroup(members, DEFAULT_MATCHING_CONFIG);
        expect(parts.reduce((sum, part) => sum + part.members.length, 0)).toBe(members.length);
        const at = new Date('2026-12-01T09:00:00Z');
        for (const part of parts) {
          const whole = evaluateEligibility({
            profile: { ...part.profile, groupSize: 1 },
            facility,
            at,
            config: DEFAULT_MATCHING_CONFIG,
          });
          if (whole.length > 0) continue;
          for (const m of part.members) {
            const reasons = evaluateEligibility({ profile: m.profile, facility, at, config: DEFAULT_MATCHING_CONFIG });
            const ignored = ['NO_CAPACITY', 'GROUP_SIZE', ...(facility.eligibility.maxAge !== null ? ['AGE'] : [])];
            expect(reasons.filter((r) => !ignored.includes(r.code))).toEqual([]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
