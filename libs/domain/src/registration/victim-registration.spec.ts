import { ExploitationType, Gender, ResidenceStatus, Role } from '../enums';
import { AGE_BANDS } from '../insight/placement-statistics';
import { registrationStatistics, registrationsCountedUntil, type RegisteredPerson } from './registration-statistics';
import {
  isRegistrationProblem,
  mayRegisterIn,
  NationalityGroup,
  registrationFacts,
  registrationMismatch,
  registrationRegionsVisibleTo,
  SignallerKind,
} from './victim-registration';

const base = {
  regionCode: 'RR',
  gender: Gender.FEMALE,
  exploitationTypes: [ExploitationType.SEXUAL],
  signalledBy: SignallerKind.POLICE,
};

describe('registration facts (002:803)', () => {
  it('keeps the age band, not the age, and derives the nationality group from the residence', () => {
    const facts = registrationFacts({ ...base, age: 21, residenceStatus: ResidenceStatus.EU_CITIZEN });
    expect(facts).toEqual({
      regionCode: 'RR',
      gender: Gender.FEMALE,
      ageBand: '18-22',
      exploitationTypes: [ExploitationType.SEXUAL],
      nationalityGroup: NationalityGroup.EU,
      signalledBy: SignallerKind.POLICE,
    });
    expect(JSON.stringify(facts)).not.toMatch(/21/);
  });

  it('an unknown age is UNKNOWN, a known minor MINOR', () => {
    expect(registrationFacts(base)).toMatchObject({ ageBand: 'UNKNOWN', nationalityGroup: NationalityGroup.UNKNOWN });
    expect(registrationFacts({ ...base, minor: true })).toMatchObject({ ageBand: 'MINOR' });
  });

  it.each([
    [{ age: -1 }, 'age'],
    [{ age: 30, minor: true }, 'minor'],
    [{ exploitationTypes: [] }, 'exploitationTypes'],
    [{ residenceStatus: ResidenceStatus.DUTCH, nationalityGroup: NationalityGroup.NON_EU }, 'nationalityGroup'],
  ])('refuses %j naming %s', (change, field) => {
    const result = registrationFacts({ ...base, ...change });
    expect(isRegistrationProblem(result) && result.field).toBe(field);
  });

  it('CoMensha registers and sees everywhere, a coordinator in their regions, others not at all', () => {
    expect(mayRegisterIn({ role: Role.COMENSHA, regions: [] }, 'RR')).toBe(true);
    expect(mayRegisterIn({ role: Role.ZORGCOORDINATOR, regions: ['RR'] }, 'RR')).toBe(true);
    expect(mayRegisterIn({ role: Role.ZORGCOORDINATOR, regions: ['AMS'] }, 'RR')).toBe(false);
    expect(mayRegisterIn({ role: Role.POLICE, regions: ['RR'] }, 'RR')).toBe(false);
    expect(registrationRegionsVisibleTo({ role: Role.COMENSHA, regions: [] })).toBeNull();
    expect(registrationRegionsVisibleTo({ role: Role.ZORGCOORDINATOR, regions: ['RR'] })).toEqual(['RR']);
    expect(registrationRegionsVisibleTo({ role: Role.PLANNER, regions: ['RR'] })).toEqual([]);
  });
});

describe('registration statistics', () => {
  it('count up to the start of the week in Amsterdam, so two reads in one week are the same (red team N8)', () => {
    // Tuesday 1 December 2026, 11:00 in Amsterdam (CET): from Monday 30 November 00:00.
    expect(registrationsCountedUntil(new Date('2026-12-01T10:00:00Z')).toISOString()).toBe('2026-11-29T23:00:00.000Z');
    // Sunday 23:30 in Amsterdam is still that week; Monday 00:00 starts the next.
    expect(registrationsCountedUntil(new Date('2026-12-06T22:30:00Z')).toISOString()).toBe('2026-11-29T23:00:00.000Z');
    expect(registrationsCountedUntil(new Date('2026-12-06T23:00:00Z')).toISOString()).toBe('2026-12-06T23:00:00.000Z');
    // Summer time: Monday 00:00 CEST is 22:00 UTC on Sunday.
    expect(registrationsCountedUntil(new Date('2026-07-01T12:00:00Z')).toISOString()).toBe('2026-06-28T22:00:00.000Z');
  });

  const categories = {
    exploitationTypes: Object.values(ExploitationType),
    genders: Object.values(Gender),
    ageBands: AGE_BANDS,
    nationalityGroups: Object.values(NationalityGroup),
    signallers: Object.values(SignallerKind),
    regionCodes: ['RR', 'AMS'],
  };
  const person = (placed: boolean, gender = Gender.FEMALE): RegisteredPerson => ({
    facts: { ...(registrationFacts(base) as Exclude<ReturnType<typeof registrationFacts>, { field: string }>), gender },
    placed,
  });

  it('counts people placed or not, hiding small cells and the one that would give them away', () => {
    const people = [
      ...Array.from({ length: 6 }, () => person(true)),
      person(false),
      ...Array.from({ length: 5 }, () => person(true, Gender.MALE)),
    ];
    const statistics = registrationStatistics(people, categories);
    expect(statistics.registered).toBe(12);
    const placement = Object.fromEntries(statistics.byPlacement.map((c) => [c.key, c.count]));
    expect(placement).toEqual({ PLACED: null, NOT_PLACED: null });
    expect(statistics.byGender.find((c) => c.key === 'FEMALE')).toEqual({ key: 'FEMALE', count: 7, suppressed: false });
  });

  it('too few people hides the whole table', () => {
    const statistics = registrationStatistics([person(false), person(false)], categories);
    expect(statistics.registered).toBeNull();
    expect(statistics.byRegion.every((c) => c.suppressed)).toBe(true);
  });

  it('hides zeros too, so one more person never turns a shown 0 into a hidden cell (red team F4)', () => {
    const women = Array.from({ length: 7 }, () => person(false));
    const before = registrationStatistics(women, categories);
    const after = registrationStatistics([...women, person(false, Gender.X)], categories);
    expect(before.byGender.find((c) => c.key === 'X')).toEqual({ key: 'X', count: null, suppressed: true });
    expect(after.byGender).toEqual(before.byGender);
    expect(after.byGender.find((c) => c.key === 'FEMALE')).toEqual({ key: 'FEMALE', count: 7, suppressed: false });
  });

  it('a lone hidden 0 is covered like a lone small count: it would follow by subtraction', () => {
    const statistics = registrationStatistics(
      [...Array.from({ length: 6 }, () => person(false)), ...Array.from({ length: 5 }, () => person(false, Gender.MALE))],
      categories,
    );
    expect(statistics.byGender.map((c) => [c.key, c.count])).toEqual([
      ['FEMALE', 6],
      ['MALE', null],
      ['X', null],
    ]);
  });
});

describe('a registration against the request she is registered with (red team F5)', () => {
  const given = (gender: Gender, age: number, types: ExploitationType[]) => {
    const facts = registrationFacts({ regionCode: 'RR', gender, age, exploitationTypes: types, signalledBy: SignallerKind.NLA });
    if (isRegistrationProblem(facts)) throw new Error(facts.message);
    return facts;
  };
  const woman = { gender: Gender.FEMALE, ageBand: '30-39' as const, exploitationTypes: [ExploitationType.LABOUR] };

  it('names the first field that does not fit, without what the request holds', () => {
    expect(registrationMismatch(given(Gender.FEMALE, 35, [ExploitationType.LABOUR]), [woman])).toBeNull();
    const problems = [
      registrationMismatch(given(Gender.MALE, 35, [ExploitationType.LABOUR]), [woman]),
      registrationMismatch(given(Gender.FEMALE, 70, [ExploitationType.LABOUR]), [woman]),
    ];
    expect(problems.map((p) => p?.field)).toEqual(['gender', 'age']);
    for (const problem of problems) expect(problem!.message).not.toMatch(/FEMALE|30-39|LABOUR/);
  });

  it('does not check the kinds of exploitation, which the summary hides: no yes/no answer about them (red team, third pass F6)', () => {
    expect(registrationMismatch(given(Gender.FEMALE, 35, [ExploitationType.ORGAN_REMOVAL]), [woman])).toBeNull();
  });

  it("a group's registration fits one of its members; an unknown age fits any band", () => {
    const man = { gender: Gender.MALE, ageBand: 'UNKNOWN' as const, exploitationTypes: [ExploitationType.LABOUR] };
    expect(registrationMismatch(given(Gender.MALE, 52, [ExploitationType.LABOUR]), [woman, man])).toBeNull();
    expect(registrationMismatch(given(Gender.X, 35, [ExploitationType.LABOUR]), [woman, man])?.field).toBe('gender');
  });
});
