import { ThreatLevel } from '../../enums';
import { matchingConfig } from '../../matching-config';
import { newContext } from '../../testing/factories';
import { ExclusionCode, PASS } from '../exclusion';
import { regionRule } from './region.rule';

describe('regionRule (excluded regions, domain.md:52; high threat away from home, 000:2108-2110)', () => {
  it('never places in an excluded region, whatever the threat', () => {
    expect(regionRule(newContext({ excludedRegionCodes: ['RR'] }, { regionCode: 'RR' }))).toMatchObject({
      code: ExclusionCode.REGION_EXCLUDED,
    });
    expect(regionRule(newContext({ excludedRegionCodes: ['rr'] }, { regionCode: 'RR' }))).toMatchObject({
      code: ExclusionCode.REGION_EXCLUDED,
    });
  });
  it('places outside the excluded regions', () => {
    expect(regionRule(newContext({ excludedRegionCodes: ['AMS'] }, { regionCode: 'RR' }))).toEqual(PASS);
  });
  it('high threat: never in the home region', () => {
    expect(regionRule(newContext({ threatLevel: ThreatLevel.HIGH, homeRegionCode: 'RR' }, { regionCode: 'RR' }))).toMatchObject({
      code: ExclusionCode.REGION_EXCLUDED,
    });
    expect(regionRule(newContext({ threatLevel: ThreatLevel.HIGH, homeRegionCode: 'TW' }, { regionCode: 'RR' }))).toEqual(PASS);
  });
  it('normal threat: the home region is fine; the high-threat rule is configurable', () => {
    expect(regionRule(newContext({ threatLevel: ThreatLevel.NORMAL, homeRegionCode: 'RR' }, { regionCode: 'RR' }))).toEqual(PASS);
    const config = matchingConfig({ eligibility: { highThreatExcludesHomeRegion: false } });
    expect(
      regionRule(newContext({ threatLevel: ThreatLevel.HIGH, homeRegionCode: 'RR' }, { regionCode: 'RR' }, { config })),
    ).toEqual(PASS);
  });
});
