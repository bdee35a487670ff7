import { newContext } from '../../testing/factories';
import { ExclusionCode, PASS } from '../exclusion';
import { foundInRule } from './found-in.rule';

const PILOT = { eligibility: { foundInRegionCodes: ['RR', 'ZHZ'] } };

describe('foundInRule (the Humanitas pilot noodbedden: victims found in Zuid-Holland Zuid and Rotterdam Rijnmond, 002:749-753)', () => {
  it('a facility without regions takes victims found anywhere, or where unknown', () => {
    expect(foundInRule(newContext({ foundInMunicipality: 'Utrecht', foundInRegionCode: 'UTR' }))).toEqual(PASS);
    expect(foundInRule(newContext({}))).toEqual(PASS);
  });
  it('takes a victim found in one of its regions, whatever the case of the code', () => {
    expect(foundInRule(newContext({ foundInMunicipality: 'Dordrecht', foundInRegionCode: 'ZHZ' }, PILOT))).toEqual(PASS);
    expect(foundInRule(newContext({ foundInMunicipality: 'Rotterdam', foundInRegionCode: 'rr' }, PILOT))).toEqual(PASS);
  });
  it('excludes a victim found elsewhere, saying where she was found', () => {
    const result = foundInRule(newContext({ foundInMunicipality: 'Utrecht', foundInRegionCode: 'UTR' }, PILOT));
    expect(result).toMatchObject({ code: ExclusionCode.FOUND_IN_AREA });
    expect(result).toMatchObject({ message: expect.stringMatching(/RR, ZHZ.*Utrecht \(region UTR\)/) });
  });
  it('excludes when it is not known where she was found, asking for foundInMunicipality', () => {
    expect(foundInRule(newContext({}, PILOT))).toMatchObject({
      code: ExclusionCode.FOUND_IN_AREA,
      message: expect.stringContaining('give foundInMunicipality'),
    });
  });
});
