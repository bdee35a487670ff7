import { ShelterType } from '../../enums';
import { matchingConfig } from '../../matching-config';
import { newContext } from '../../testing/factories';
import { ExclusionCode, PASS } from '../exclusion';
import { ageRule } from './age.rule';

const adultKinds = Object.values(ShelterType).filter((t) => t !== ShelterType.JEUGDZORG);

describe('ageRule (minors only to JEUGDZORG, 002:771-775, domain.md:90)', () => {
  it.each(adultKinds)('a minor never goes to %s', (type) => {
    expect(ageRule(newContext({ age: 16 }, { type }))).toMatchObject({ code: ExclusionCode.AGE });
    expect(ageRule(newContext({ age: null, minor: true }, { type }))).toMatchObject({ code: ExclusionCode.AGE });
  });
  it('a minor goes to JEUGDZORG', () => {
    expect(ageRule(newContext({ age: 16 }, { type: ShelterType.JEUGDZORG }))).toEqual(PASS);
  });
  it('an adult does not go to JEUGDZORG, unless it states a maxAge of 18+', () => {
    expect(ageRule(newContext({ age: 30 }, { type: ShelterType.JEUGDZORG }))).toMatchObject({ code: ExclusionCode.AGE });
    expect(ageRule(newContext({ age: 20 }, { type: ShelterType.JEUGDZORG, eligibility: { maxAge: 23 } }))).toEqual(PASS);
  });
  it('an adult goes to adult kinds', () => {
    expect(ageRule(newContext({ age: 18 }, { type: ShelterType.COSM }))).toEqual(PASS);
  });
  it("applies the facility's minAge and maxAge", () => {
    expect(ageRule(newContext({ age: 22 }, { eligibility: { minAge: 23 } }))).toMatchObject({ code: ExclusionCode.AGE });
    expect(ageRule(newContext({ age: 66 }, { eligibility: { maxAge: 65 } }))).toMatchObject({ code: ExclusionCode.AGE });
    expect(ageRule(newContext({ age: 23 }, { eligibility: { minAge: 23, maxAge: 65 } }))).toEqual(PASS);
    expect(ageRule(newContext({ age: 15 }, { type: ShelterType.JEUGDZORG, eligibility: { minAge: 16 } }))).toMatchObject({
      code: ExclusionCode.AGE,
    });
  });
  it('with only the minor flag, compares against the age limits by adulthood', () => {
    expect(ageRule(newContext({ age: null, minor: false }, { eligibility: { maxAge: 17 } }))).toMatchObject({
      code: ExclusionCode.AGE,
    });
    expect(ageRule(newContext({ age: null, minor: false }, { eligibility: { minAge: 18 } }))).toEqual(PASS);
  });
  it('unknown age counts as adult by default, as minor when configured', () => {
    expect(ageRule(newContext({ age: null }, { type: ShelterType.COSM }))).toEqual(PASS);
    const strict = matchingConfig({ eligibility: { unknownAge: 'MINOR' } });
    expect(ageRule(newContext({ age: null }, { type: ShelterType.COSM }, { config: strict }))).toMatchObject({
      code: ExclusionCode.AGE,
    });
  });
});
