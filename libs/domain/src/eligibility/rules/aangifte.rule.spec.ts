import { AangifteStatus, ShelterType } from '../../enums';
import { matchingConfig } from '../../matching-config';
import { newContext } from '../../testing/factories';
import { ExclusionCode, PASS } from '../exclusion';
import { aangifteRule } from './aangifte.rule';

describe('aangifteRule (aangifte done → VO/MO, not COSM; 000:2131-2134)', () => {
  it('COSM refuses aangifte DONE', () => {
    expect(aangifteRule(newContext({ aangifte: AangifteStatus.DONE }, { type: ShelterType.COSM }))).toMatchObject({
      code: ExclusionCode.AANGIFTE,
    });
  });
  it.each([AangifteStatus.NONE, AangifteStatus.DECLINED, null])('COSM takes aangifte %s', (aangifte) => {
    expect(aangifteRule(newContext({ aangifte }, { type: ShelterType.COSM }))).toEqual(PASS);
  });
  it('other kinds take aangifte DONE', () => {
    expect(aangifteRule(newContext({ aangifte: AangifteStatus.DONE }, { type: ShelterType.VROUWENOPVANG }))).toEqual(PASS);
  });
  it('DECLINED can be excluded from COSM by configuration', () => {
    const config = matchingConfig({ eligibility: { cosmExcludedAangifte: [AangifteStatus.DONE, AangifteStatus.DECLINED] } });
    expect(aangifteRule(newContext({ aangifte: AangifteStatus.DECLINED }, { type: ShelterType.COSM }, { config }))).toMatchObject(
      {
        code: ExclusionCode.AANGIFTE,
      },
    );
  });
});
