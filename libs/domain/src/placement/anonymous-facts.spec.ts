import { CareNeed, ExploitationType, Gender, ResidenceStatus, ThreatLevel } from '../enums';
import { ageBandOf, anonymousFacts } from './anonymous-facts';

describe('anonymousFacts', () => {
  it('keeps the counted facts and drops everything that narrows down a person', () => {
    const facts = anonymousFacts({
      gender: Gender.FEMALE,
      age: 24,
      exploitationTypes: [ExploitationType.SEXUAL, ExploitationType.CRIMINAL],
      residenceStatus: ResidenceStatus.NO_LAWFUL_RESIDENCE,
      bedenktijdStart: '2026-11-01',
      careNeeds: [CareNeed.LVB],
      threatLevel: ThreatLevel.HIGH,
      homeRegionCode: 'RR',
      excludedRegionCodes: ['AMS'],
      foundInMunicipality: 'Schiedam',
      languages: ['en', 'yo'],
      groupSize: 1,
    });
    expect(facts).toEqual({
      gender: Gender.FEMALE,
      ageBand: '23-29',
      exploitationTypes: [ExploitationType.CRIMINAL, ExploitationType.SEXUAL],
      residenceStatus: ResidenceStatus.NO_LAWFUL_RESIDENCE,
      careNeeds: [CareNeed.LVB],
      withChildren: false,
      groupSize: 1,
    });
    expect(JSON.stringify(facts)).not.toMatch(/24|Schiedam|2026|RR|AMS|yo/);
  });

  it.each([
    [{ age: 16 }, 'MINOR'],
    [{ age: 18 }, '18-22'],
    [{ age: 22 }, '18-22'],
    [{ age: 23 }, '23-29'],
    [{ age: 39 }, '30-39'],
    [{ age: 40 }, '40+'],
    [{ minor: true }, 'MINOR'],
    [{ minor: false }, 'UNKNOWN'],
    [{}, 'UNKNOWN'],
  ])('puts %j in age band %s', (profile, band) => {
    expect(ageBandOf(profile)).toBe(band);
  });
});
