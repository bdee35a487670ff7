import { Gender } from '../../enums';
import { matchingConfig } from '../../matching-config';
import { newContext } from '../../testing/factories';
import { ExclusionCode, PASS } from '../exclusion';
import { genderRule } from './gender.rule';

describe('genderRule (COSM 30 women / 10 men, 000:2128-2130; VO also for men, 000:2106-2108)', () => {
  it('passes when the facility takes any gender', () => {
    expect(genderRule(newContext({ gender: Gender.MALE }, { eligibility: { genders: [] } }))).toEqual(PASS);
  });
  it('passes when the gender is listed', () => {
    expect(genderRule(newContext({ gender: Gender.MALE }, { eligibility: { genders: [Gender.MALE] } }))).toEqual(PASS);
  });
  it('fails GENDER when not listed', () => {
    const r = genderRule(newContext({ gender: Gender.MALE }, { eligibility: { genders: [Gender.FEMALE] } }));
    expect(r).toMatchObject({ code: ExclusionCode.GENDER });
  });
  it('gender X (003:771) matches gendered places by default, configurable', () => {
    const facility = { eligibility: { genders: [Gender.FEMALE] } };
    expect(genderRule(newContext({ gender: Gender.X }, facility))).toEqual(PASS);
    const strict = matchingConfig({ eligibility: { genderXAlsoMatches: [] } });
    expect(genderRule(newContext({ gender: Gender.X }, facility, { config: strict }))).toMatchObject({
      code: ExclusionCode.GENDER,
    });
    expect(genderRule(newContext({ gender: Gender.X }, { eligibility: { genders: [Gender.X] } }, { config: strict }))).toEqual(
      PASS,
    );
  });
});
