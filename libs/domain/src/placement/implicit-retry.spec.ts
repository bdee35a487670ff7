import { ResidenceStatus } from '../enums';
import { MunicipalityDirectory } from '../municipality/municipality-directory';
import type { VictimProfile } from '../profile';
import {
  canonicalJson,
  canonicalSubmission,
  implicitRetrySince,
  personAsUnderstood,
  profileAsFirstSent,
  type ProfileReading,
  sameSubmissionUnderReference,
  type SubmittedPerson,
} from './implicit-retry';

const reading: ProfileReading = {
  municipalities: new MunicipalityDirectory([
    { code: 'GM0363', name: 'Amsterdam', regionCode: 'AMS' },
    { code: 'GM0518', name: "'s-Gravenhage", regionCode: 'HGL', aliases: ['Den Haag'] },
  ]),
  lawfulResidenceStatuses: [ResidenceStatus.DUTCH, ResidenceStatus.EU_CITIZEN, ResidenceStatus.LAWFUL_NON_EU],
};

describe('implicit retries (issue 15): a submission without clientReference', () => {
  const base = { kind: 'placement' as const, caller: 'nla-officer-1' };

  it('reads the same whatever the order of its fields, and with absent or undefined fields alike', () => {
    const a = canonicalSubmission({
      ...base,
      payload: { urgency: 'ACUTE', profile: { gender: 'MALE', age: 30 }, note: undefined },
    });
    const b = canonicalSubmission({ ...base, payload: { profile: { age: 30, gender: 'MALE' }, urgency: 'ACUTE' } });
    expect(a).toBe(b);
  });

  it('differs for another caller, another call or another value', () => {
    const payload = { urgency: 'ACUTE', types: ['COSM', 'VO'] };
    const first = canonicalSubmission({ ...base, payload });
    expect(canonicalSubmission({ ...base, caller: 'nla-officer-2', payload })).not.toBe(first);
    expect(canonicalSubmission({ ...base, kind: 'noodbed', payload })).not.toBe(first);
    expect(canonicalSubmission({ ...base, payload: { ...payload, urgency: 'URGENT' } })).not.toBe(first);
    expect(canonicalSubmission({ ...base, payload: { ...payload, types: ['COSM'] } })).not.toBe(first);
  });

  it('is the same for every way of saying the same: lists in another order, nulls, empty lists and the defaults filled in (red team, issue 15)', () => {
    const plain = canonicalSubmission({
      ...base,
      payload: { urgency: 'ACUTE', profile: { gender: 'MALE', exploitationTypes: ['LABOUR', 'CRIMINAL'] } },
    });
    const spelledOut = canonicalSubmission({
      ...base,
      payload: {
        urgency: 'ACUTE',
        groupSize: 1,
        types: [],
        routeDecided: false,
        members: null,
        profile: { gender: 'MALE', exploitationTypes: ['CRIMINAL', 'LABOUR'], careNeeds: null },
      },
    });
    expect(spelledOut).toBe(plain);
    // A value that says something (a group of 2, a route decided, a minor: false) still counts.
    expect(canonicalSubmission({ ...base, payload: { urgency: 'ACUTE', groupSize: 2 } })).not.toBe(
      canonicalSubmission({ ...base, payload: { urgency: 'ACUTE' } }),
    );
    expect(canonicalSubmission({ ...base, payload: { urgency: 'ACUTE', routeDecided: true } })).not.toBe(
      canonicalSubmission({ ...base, payload: { urgency: 'ACUTE' } }),
    );
  });

  it('takes the caller as the separation of duties compares it (trimmed, any case)', () => {
    expect(canonicalSubmission({ ...base, caller: ' NLA-Officer-1 ', payload: {} })).toBe(
      canonicalSubmission({ ...base, payload: {} }),
    );
  });

  it('writes dates as ISO text and nested lists of objects with sorted keys', () => {
    expect(canonicalJson({ b: [{ y: 1, x: new Date('2026-12-05T22:00:00Z') }], a: null })).toBe(
      '{"a":null,"b":[{"x":"2026-12-05T22:00:00.000Z","y":1}]}',
    );
  });

  it('looks back IMPLICIT_RETRY_SECONDS; 0 turns it off', () => {
    const now = new Date('2026-12-05T22:00:00Z');
    expect(implicitRetrySince(now, 120)).toEqual(new Date('2026-12-05T21:58:00Z'));
    expect(implicitRetrySince(now, 0)).toBeNull();
  });
});

describe('what a resend spells out that the service reads as unsaid (red team, issue 15, F1 and its confirmation)', () => {
  const submission = (payload: object) => canonicalSubmission({ kind: 'placement', caller: 'zc@rr', payload });
  const woman = { profile: { gender: 'FEMALE', age: 30, exploitationTypes: ['SEXUAL'], languages: ['nl'] }, regionCode: 'RR' };

  it('reads children 0, a normal threat, no aangifte, an unknown residence status and an adult’s unaccompanied as unsaid, and a value twice in a list as once', () => {
    const spelled = {
      ...woman,
      profile: {
        ...woman.profile,
        accompanyingChildren: 0,
        threatLevel: 'NORMAL',
        aangifte: 'NONE',
        residenceStatus: 'UNKNOWN',
        unaccompanied: false,
        minor: false,
        languages: ['nl', 'nl'],
      },
    };
    expect(submission(spelled)).toBe(submission(woman));
  });

  it('keeps what says more: a high threat, aangifte done, a minor who travels with a parent', () => {
    expect(submission({ ...woman, profile: { ...woman.profile, threatLevel: 'HIGH' } })).not.toBe(submission(woman));
    expect(submission({ ...woman, profile: { ...woman.profile, aangifte: 'DONE' } })).not.toBe(submission(woman));
    const girl = { ...woman, profile: { ...woman.profile, age: 15 } };
    expect(submission({ ...girl, profile: { ...girl.profile, unaccompanied: false } })).not.toBe(submission(girl));
  });
});

describe('a submission under a clientReference already used (issue 15; red team, fifth pass H1)', () => {
  const first = { gender: 'FEMALE', age: 33, exploitationTypes: ['SEXUAL'], residenceStatus: 'DUTCH', languages: ['nl'] };
  const stored = { profile: first, members: null, regionCode: 'AMS', groupSize: 1 };
  const asked = (profile: object) => ({ profile: profile as VictimProfile, members: null, regionCode: 'AMS', groupSize: 1 });
  const same = (storedAs: typeof stored, askedAs: ReturnType<typeof asked>) =>
    sameSubmissionUnderReference(storedAs as never, askedAs, reading);

  it('is a retry when it repeats what was sent, in any order and with nulls for what was left out', () => {
    expect(same(stored, asked({ ...first, languages: ['nl'], children: null }))).toBe(true);
  });

  it('is another person when any field of her profile differs, the age included, or the region or group size', () => {
    expect(same(stored, asked({ ...first, age: 52 }))).toBe(false);
    expect(same(stored, { ...asked(first), regionCode: 'UTR' })).toBe(false);
    expect(same(stored, { ...asked(first), groupSize: 2 })).toBe(false);
  });

  it('compares a profile changed since as it was first sent: her languages and threat level rolled back, oldest change last', () => {
    const now = { ...first, languages: ['nl', 'en'], threatLevel: 'HIGH' };
    const changes = [{ before: { languages: ['nl'] } }, { before: { threatLevel: null } }];
    const original = profileAsFirstSent(now, changes);
    expect(same({ ...stored, profile: original! }, asked(first))).toBe(true);
    expect(same({ ...stored, profile: original! }, asked({ ...first, age: 52 }))).toBe(false);
  });

  it('cannot tell what was sent once a change’s values are gone', () => {
    expect(profileAsFirstSent(first, [{ before: null }])).toBeNull();
  });
});

describe('the same woman in other words (red team, issue 15, third pass): keyed on who she is as the service reads her', () => {
  const woman: SubmittedPerson = {
    profile: {
      gender: 'FEMALE',
      age: 30,
      exploitationTypes: ['SEXUAL'],
      residenceStatus: 'DUTCH',
      foundInMunicipality: "'s-Gravenhage",
      registeredInMunicipality: 'Amsterdam',
      excludedRegionCodes: ['RR'],
      homeRegionCode: 'TW',
    } as VictimProfile,
    regionCode: 'HGL',
  };
  const key = (person: SubmittedPerson) =>
    canonicalSubmission({ kind: 'placement', caller: 'zc@hgl', payload: personAsUnderstood(person, reading) });
  const said = (changes: Partial<Record<keyof VictimProfile, unknown>>) =>
    key({ ...woman, profile: { ...woman.profile, ...changes } as VictimProfile });

  it.each([
    ['a municipality by its alias', { foundInMunicipality: 'Den Haag' }],
    ['a municipality by its CBS code', { registeredInMunicipality: 'GM0363' }],
    [
      'a municipality in lower case with spaces and a curly apostrophe',
      { foundInMunicipality: ' \u2019s Gravenhage ', registeredInMunicipality: 'amsterdam' },
    ],
    ['a municipality without its apostrophe', { foundInMunicipality: 's-Gravenhage' }],
    ['a region to avoid and her home region in lower case', { excludedRegionCodes: ['rr'], homeRegionCode: 'tw' }],
    ['B8/3 NOT_APPLICABLE beside a Dutch status (the rule reads none so)', { b8Status: 'NOT_APPLICABLE' }],
  ])('reads %s as the same', (_, changes) => {
    expect(said(changes)).toBe(key(woman));
  });

  it('keeps another municipality, another region, a B8/3 status that says something, and a name the list does not know', () => {
    expect(said({ foundInMunicipality: 'Amsterdam' })).not.toBe(key(woman));
    expect(said({ excludedRegionCodes: ['RR', 'AMS'] })).not.toBe(key(woman));
    expect(
      key({ ...woman, profile: { ...woman.profile, residenceStatus: 'UNKNOWN', b8Status: 'NOT_APPLICABLE' } as VictimProfile }),
    ).not.toBe(key({ ...woman, profile: { ...woman.profile, residenceStatus: 'UNKNOWN' } as VictimProfile }));
    expect(said({ foundInMunicipality: 'Atlantis' })).not.toBe(key(woman));
  });

  it('reads a group with its members in another order and under other labels as the same group', () => {
    const m = (label: string, age: number) => ({ label, profile: { ...woman.profile, age } as VictimProfile });
    const group = { ...woman, groupSize: 3, members: [m('A', 20), m('B', 30), m('C', 40)] };
    const again = { ...woman, groupSize: 3, members: [m('x3', 40), m('x1', 20), m('x2', 30)] };
    expect(key(again)).toBe(key(group));
    expect(key({ ...group, members: [m('A', 20), m('B', 30), m('C', 41)] })).not.toBe(key(group));
  });

  it('counts every member: two women alike are two people, not one, and a third alike is another group (red team, issue 15, fourth pass H2)', () => {
    const alike = (label: string) => ({ label, profile: { ...woman.profile, age: 25 } as VictimProfile });
    const two = key({ ...woman, members: [alike('Q1'), alike('Q2')] });
    expect(key({ ...woman, members: [alike('Q1')] })).not.toBe(two);
    expect(key({ ...woman, members: [alike('Q1'), alike('Q2'), alike('Q3')] })).not.toBe(two);
    expect(key({ ...woman, members: [alike('x'), alike('y')] })).toBe(two);
  });

  it('reads a group with members as its members alone: the group’s own profile built otherwise is the same group (sixth pass N3)', () => {
    const m = (age: number) => ({ label: null, profile: { ...woman.profile, age } as VictimProfile });
    const group = { ...woman, members: [m(24), m(26)] };
    expect(key({ ...group, profile: { ...woman.profile, age: 26 } as VictimProfile })).toBe(key(group));
    expect(key({ ...group, members: [m(24), m(27)] })).not.toBe(key(group));
  });

  it('reads a group’s size spelled out beside its members, or in the profile, as the members’ count (fourth pass M1)', () => {
    const m = (age: number) => ({ label: null, profile: { ...woman.profile, age } as VictimProfile });
    const group = { ...woman, members: [m(25), m(36), m(40)] };
    expect(key({ ...group, groupSize: 3 })).toBe(key(group));
    expect(key({ ...group, profile: { ...woman.profile, groupSize: 3 } })).toBe(key(group));
    expect(key({ ...woman, groupSize: 2 })).not.toBe(key(woman));
  });

  it('reads a minor’s unaccompanied: true as unsaid: unknown counts as unaccompanied (003:695; fourth pass H3)', () => {
    const girl = { ...woman, profile: { ...woman.profile, age: 17 } as VictimProfile };
    expect(key({ ...girl, profile: { ...girl.profile, minor: true, unaccompanied: true } })).toBe(key(girl));
    expect(key({ ...girl, profile: { ...girl.profile, unaccompanied: false } })).not.toBe(key(girl));
  });

  it('holds under a clientReference too: a retry in other words is her, another age is not', () => {
    const stored = { profile: woman.profile, members: null, regionCode: 'HGL', groupSize: 1 };
    const asked = (profile: Partial<VictimProfile>) => ({
      ...stored,
      profile: { ...woman.profile, ...profile } as VictimProfile,
    });
    expect(
      sameSubmissionUnderReference(stored, asked({ foundInMunicipality: 'den haag', excludedRegionCodes: ['rr'] }), reading),
    ).toBe(true);
    expect(sameSubmissionUnderReference(stored, asked({ age: 31 }), reading)).toBe(false);
  });
});
