import { AangifteStatus, B8Status, Gender, ResidenceStatus, ShelterType, ThreatLevel } from '../enums';
import { newContext } from '../testing/factories';
import { ELIGIBILITY_RULES, evaluateEligibility } from './evaluate';
import { ExclusionCode, isExclusion, PASS } from './exclusion';

describe('evaluateEligibility', () => {
  it('returns nothing for an eligible facility', () => {
    expect(evaluateEligibility(newContext())).toEqual([]);
  });

  it('returns every failing reason, in rule order', () => {
    const ctx = newContext(
      {
        gender: Gender.MALE,
        residenceStatus: ResidenceStatus.NO_LAWFUL_RESIDENCE,
        b8Status: B8Status.B8_PERMIT,
        aangifte: AangifteStatus.DONE,
        accompanyingChildren: 1,
        threatLevel: ThreatLevel.HIGH,
        homeRegionCode: 'RR',
        groupSize: 2,
      },
      {
        type: ShelterType.COSM,
        eligibility: { genders: [Gender.FEMALE], acceptsChildren: false, maxGroupSize: 1 },
        capacity: { total: 1 },
      },
    );
    expect(evaluateEligibility(ctx).map((r) => r.code)).toEqual([
      ExclusionCode.GENDER,
      ExclusionCode.B8_STATUS,
      ExclusionCode.AANGIFTE,
      ExclusionCode.CHILDREN,
      ExclusionCode.REGION_EXCLUDED,
      ExclusionCode.GROUP_SIZE,
      ExclusionCode.NO_CAPACITY,
    ]);
  });

  it('has one rule per concern and accepts a custom rule list', () => {
    expect(ELIGIBILITY_RULES).toHaveLength(12);
    expect(evaluateEligibility(newContext({}, { capacity: { total: 0 } }), [])).toEqual([]);
    expect(isExclusion(PASS)).toBe(false);
  });
});
