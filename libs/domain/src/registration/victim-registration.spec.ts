import { ExploitationType, Gender, ResidenceStatus, Role } from '../enums';
import { AGE_BANDS } from '../insight/placement-statistics';
import { registrationStatistics, type RegisteredPerson } from './registration-statistics';
import {
  isRegistrationProblem,
  mayRegisterIn,
  NationalityGroup,
  registrationFacts,
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
});
