import { CareNeed, ShelterType } from '../../enums';
import { matchingConfig } from '../../matching-config';
import { newContext } from '../../testing/factories';
import { ExclusionCode, PASS } from '../exclusion';
import { careNeedsRule } from './care-needs.rule';

describe('careNeedsRule (multiproblematiek; 000:2143-2149, 002:741-743)', () => {
  it('OMM takes victims with care needs', () => {
    expect(careNeedsRule(newContext({ careNeeds: [CareNeed.LVB] }, { type: ShelterType.OMM }))).toEqual(PASS);
  });
  it('OMM refuses victims without care needs, unless configured', () => {
    expect(careNeedsRule(newContext({ careNeeds: [] }, { type: ShelterType.OMM }))).toMatchObject({
      code: ExclusionCode.CARE_NEEDS,
    });
    const config = matchingConfig({ eligibility: { ommRequiresCareNeed: false } });
    expect(careNeedsRule(newContext({ careNeeds: [] }, { type: ShelterType.OMM }, { config }))).toEqual(PASS);
  });
  it('a facility listing care needs takes only those', () => {
    const facility = { eligibility: { acceptsCareNeeds: [CareNeed.GGZ] } };
    expect(careNeedsRule(newContext({ careNeeds: [CareNeed.GGZ] }, facility))).toEqual(PASS);
    const r = careNeedsRule(newContext({ careNeeds: [CareNeed.GGZ, CareNeed.ADDICTION] }, facility));
    expect(r).toEqual({ code: ExclusionCode.CARE_NEEDS, message: 'cannot provide for ADDICTION (takes GGZ)' });
  });
  it('an empty list means any (api-contract.md Eligibility)', () => {
    expect(careNeedsRule(newContext({ careNeeds: [CareNeed.MULTI_DOMAIN] }, { eligibility: { acceptsCareNeeds: [] } }))).toEqual(
      PASS,
    );
  });
});
