import { AangifteStatus, B8Status, CareNeed, ExploitationType, Gender, ResidenceStatus, ThreatLevel } from './enums';
import { bedenktijdEnd, bedenktijdState, groupSizeOf, isMinor, validateProfile, VictimProfile } from './profile';

const now = new Date('2026-06-10T10:00:00+02:00');
const valid: VictimProfile = {
  gender: Gender.FEMALE,
  age: 24,
  minor: false,
  exploitationTypes: [ExploitationType.SEXUAL, ExploitationType.LABOUR],
  residenceStatus: ResidenceStatus.NO_LAWFUL_RESIDENCE,
  b8Status: B8Status.BEDENKTIJD,
  bedenktijdStart: '2026-05-01',
  aangifte: AangifteStatus.NONE,
  careNeeds: [CareNeed.GGZ],
  accompanyingChildren: 1,
  threatLevel: ThreatLevel.HIGH,
  excludedRegionCodes: ['RR', 'ZHZ'],
  homeRegionCode: 'TW',
  foundInMunicipality: 'Enschede',
  registeredInMunicipality: 'Hengelo (O.)',
  languages: ['ro', 'en'],
  unaccompanied: null,
  groupSize: 3,
};
const fieldsOf = (p: VictimProfile): string[] => validateProfile(p, now).map((v) => v.field);

describe('validateProfile', () => {
  it('accepts a complete valid profile and a minimal one', () => {
    expect(validateProfile(valid, now)).toEqual([]);
    expect(validateProfile({ gender: Gender.X, exploitationTypes: [ExploitationType.OTHER] }, now)).toEqual([]);
  });

  it('rejects any field that is not part of the profile: no names or identity numbers, ever (domain.md §6)', () => {
    const withName = { ...valid, name: 'Jane Doe', bsn: '123456782' } as VictimProfile;
    const violations = validateProfile(withName, now);
    expect(violations.map((v) => v.field)).toEqual(['name', 'bsn']);
    expect(violations[0].message).toMatch(/no names or identity numbers/);
  });

  it('names the rule, never the values of other fields, so an error tells no one her age or residence (red team F6)', () => {
    const messages = validateProfile(
      { ...valid, age: 35, minor: true, residenceStatus: ResidenceStatus.DUTCH, b8Status: B8Status.B9, bedenktijdStart: null },
      now,
    ).map((v) => v.message);
    expect(messages).toHaveLength(2);
    for (const message of messages) expect(message).not.toMatch(/35|DUTCH|Dutch/);
  });

  it.each([
    [{ age: -1 }, 'age'],
    [{ age: 121 }, 'age'],
    [{ age: 30.5 }, 'age'],
    [{ age: 12, minor: false }, 'minor'],
    [{ age: 18, minor: true }, 'minor'],
    [{ exploitationTypes: [] }, 'exploitationTypes'],
    [{ exploitationTypes: [ExploitationType.SEXUAL, ExploitationType.SEXUAL] }, 'exploitationTypes'],
    [{ exploitationTypes: ['SLAVERY' as ExploitationType] }, 'exploitationTypes[0]'],
    [{ gender: 'F' as Gender }, 'gender'],
    [{ residenceStatus: 'ILLEGAL' as ResidenceStatus }, 'residenceStatus'],
    [{ b8Status: 'B7' as B8Status }, 'b8Status'],
    [{ residenceStatus: ResidenceStatus.DUTCH, b8Status: B8Status.BEDENKTIJD }, 'b8Status'],
    [{ residenceStatus: ResidenceStatus.DUTCH, b8Status: B8Status.NOT_APPLICABLE }, 'bedenktijdStart'],
    [{ b8Status: null }, 'bedenktijdStart'],
    [{ bedenktijdStart: '2026-06-11' }, 'bedenktijdStart'],
    [{ bedenktijdStart: '2026-02-30' }, 'bedenktijdStart'],
    [{ bedenktijdStart: '1900-01-01' }, 'bedenktijdStart'],
    [{ bedenktijdStart: '10-06-2026' }, 'bedenktijdStart'],
    [{ aangifte: 'MAYBE' as AangifteStatus }, 'aangifte'],
    [{ careNeeds: [CareNeed.LVB, CareNeed.LVB] }, 'careNeeds'],
    [{ accompanyingChildren: 21 }, 'accompanyingChildren'],
    [{ accompanyingChildren: -1 }, 'accompanyingChildren'],
    [{ threatLevel: 'EXTREME' as ThreatLevel }, 'threatLevel'],
    [{ excludedRegionCodes: ['R R'] }, 'excludedRegionCodes[0]'],
    [{ excludedRegionCodes: Array.from({ length: 51 }, (_, i) => `R${i}`) }, 'excludedRegionCodes'],
    [{ homeRegionCode: 'X'.repeat(17) }, 'homeRegionCode'],
    [{ foundInMunicipality: '' }, 'foundInMunicipality'],
    [{ foundInMunicipality: 'x'.repeat(101) }, 'foundInMunicipality'],
    [{ foundInMunicipality: 'Rotter\ndam' }, 'foundInMunicipality'],
    [{ registeredInMunicipality: ' ' }, 'registeredInMunicipality'],
    [{ registeredInMunicipality: 'Rotter\u0000dam' }, 'registeredInMunicipality'],
    [{ foundInRegionCode: 'RR' }, 'foundInRegionCode'],
    [{ languages: ['NL'] }, 'languages[0]'],
    [{ languages: ['nld'] }, 'languages[0]'],
    [{ languages: Array.from({ length: 21 }, () => 'nl') }, 'languages'],
    [{ groupSize: 0 }, 'groupSize'],
    [{ groupSize: 201 }, 'groupSize'],
    [{ unaccompanied: 'yes' as unknown as boolean }, 'unaccompanied'],
  ] as [Partial<VictimProfile>, string][])('%j → violation on %s', (patch, field) => {
    const violations = validateProfile({ ...valid, ...patch }, now);
    expect(violations.map((v) => v.field)).toEqual([field]);
    expect(violations[0].message.length).toBeGreaterThan(10);
  });

  it('accepts today as bedenktijdStart (Amsterdam day) and an ended bedenktijd (matching handles it)', () => {
    expect(fieldsOf({ ...valid, bedenktijdStart: '2026-06-10' })).toEqual([]);
    // 22:30 UTC on 10 June is already 11 June in Amsterdam.
    expect(validateProfile({ ...valid, bedenktijdStart: '2026-06-11' }, new Date('2026-06-10T22:30:00Z'))).toEqual([]);
    expect(fieldsOf({ ...valid, bedenktijdStart: '2025-01-01' })).toEqual([]);
  });

  it('reports every violation, not just the first', () => {
    expect(fieldsOf({ ...valid, age: 200, groupSize: 0, languages: ['xx1'] })).toEqual(['age', 'languages[0]', 'groupSize']);
  });
});

describe('helpers', () => {
  it('isMinor: age wins, then the flag, else unknown', () => {
    expect(isMinor({ age: 17 })).toBe(true);
    expect(isMinor({ age: 18 })).toBe(false);
    expect(isMinor({ age: 17, minor: false })).toBe(true);
    expect(isMinor({ minor: true })).toBe(true);
    expect(isMinor({ minor: false })).toBe(false);
    expect(isMinor({ minor: null })).toBeNull();
    expect(isMinor({})).toBeNull();
  });

  it('groupSizeOf defaults to 1', () => {
    expect(groupSizeOf({})).toBe(1);
    expect(groupSizeOf({ groupSize: 12 })).toBe(12);
  });

  it('bedenktijdEnd: at most three months after the start (003:661), clamped at month ends', () => {
    expect(bedenktijdEnd('2026-01-15')).toBe('2026-04-15');
    expect(bedenktijdEnd('2025-11-30')).toBe('2026-02-28');
    expect(bedenktijdEnd('2026-03-31')).toBe('2026-06-30');
    expect(() => bedenktijdEnd('2026-02-30')).toThrow(RangeError);
  });

  it('bedenktijdState: ACTIVE until the end day, ENDED from it (Amsterdam time)', () => {
    const p = { b8Status: B8Status.BEDENKTIJD, bedenktijdStart: '2026-03-10' };
    expect(bedenktijdState(p, new Date('2026-06-09T23:59:00+02:00'))).toBe('ACTIVE');
    expect(bedenktijdState(p, new Date('2026-06-10T00:00:00+02:00'))).toBe('ENDED');
    expect(bedenktijdState({ b8Status: B8Status.BEDENKTIJD }, now)).toBe('ACTIVE');
    expect(bedenktijdState({ b8Status: B8Status.B8_PERMIT, bedenktijdStart: '2020-01-01' }, now)).toBe('NONE');
    expect(bedenktijdState({}, now)).toBe('NONE');
  });
});
