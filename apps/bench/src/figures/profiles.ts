/**
 * Victim profiles the figures send, as a client's GraphQL variables carry them (enum values as
 * strings). The matching issue's scenarios; dates are relative to the run, so validation (a
 * bedenktijd started in the past, at most three months ago) holds on any day.
 */
export type ProfileInput = Record<string, unknown>;

/** YYYY-MM-DD a few days ago: safely in the past in Europe/Amsterdam whatever the time of day. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** The realistic mix of matchFacilities questions, rotated request by request. */
export function matchingMix(): { label: string; profile: ProfileInput }[] {
  return [
    {
      label: 'woman in bedenktijd',
      profile: {
        gender: 'FEMALE',
        age: 24,
        exploitationTypes: ['SEXUAL'],
        residenceStatus: 'NO_LAWFUL_RESIDENCE',
        b8Status: 'BEDENKTIJD',
        bedenktijdStart: daysAgo(3),
        aangifte: 'NONE',
        foundInMunicipality: 'Rotterdam',
        languages: ['en'],
      },
    },
    {
      label: 'labour group of 12',
      profile: {
        gender: 'MALE',
        age: 34,
        exploitationTypes: ['LABOUR'],
        residenceStatus: 'EU_CITIZEN',
        foundInMunicipality: 'Westland',
        languages: ['pl'],
        groupSize: 12,
      },
    },
    {
      label: 'Dutch woman with LVB',
      profile: {
        gender: 'FEMALE',
        age: 27,
        exploitationTypes: ['SEXUAL'],
        residenceStatus: 'DUTCH',
        b8Status: 'NOT_APPLICABLE',
        careNeeds: ['LVB', 'ADDICTION'],
        foundInMunicipality: 'Rotterdam',
      },
    },
    {
      label: 'minor (16)',
      profile: { gender: 'FEMALE', age: 16, exploitationTypes: ['SEXUAL'], residenceStatus: 'DUTCH' },
    },
    {
      label: 'high threat',
      profile: {
        gender: 'FEMALE',
        age: 24,
        exploitationTypes: ['SEXUAL'],
        residenceStatus: 'DUTCH',
        b8Status: 'NOT_APPLICABLE',
        threatLevel: 'HIGH',
        homeRegionCode: 'RR',
        excludedRegionCodes: ['AMS'],
      },
    },
  ];
}

/**
 * Profiles whose best kind a region's zorgcoördinator places herself, around the clock (VO/MO, 24/7
 * intake; domain.md §5a), so a request can be OFFERED at any hour of the run without waiting on
 * another authority's worklist: the latency figure measures the workflow, not CoMensha's office hours
 * or the NLA's decisions.
 */
export function roundTheClockMix(): { label: string; profile: ProfileInput }[] {
  return [
    {
      label: 'Dutch woman, sexual exploitation',
      profile: {
        gender: 'FEMALE',
        age: 29,
        exploitationTypes: ['SEXUAL'],
        residenceStatus: 'DUTCH',
        b8Status: 'NOT_APPLICABLE',
        aangifte: 'DONE',
      },
    },
    {
      label: 'Dutch man, sexual exploitation',
      profile: { gender: 'MALE', age: 41, exploitationTypes: ['SEXUAL'], residenceStatus: 'DUTCH', b8Status: 'NOT_APPLICABLE' },
    },
    {
      label: 'EU woman, forced begging',
      profile: { gender: 'FEMALE', age: 22, exploitationTypes: ['OTHER'], residenceStatus: 'EU_CITIZEN', languages: ['ro'] },
    },
  ];
}
