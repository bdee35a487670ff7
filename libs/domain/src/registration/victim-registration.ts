/**
 * The zorgcoördinator's report of a (possible) victim to CoMensha ("rapportage en terugkoppeling
 * aan CoMensha", 002:803, 003:803), from which CoMensha publishes the yearly "aard en omvang"
 * figures. Pseudonymous facts only, in bands and codes: no name, no birth date, no municipality,
 * no free text — nothing that narrows down a person beyond what the national tables count.
 */
import { ExploitationType, Gender, ResidenceStatus, Role } from '../enums';
import { type AgeBand, type AnonymousFacts, ageBandOf } from '../placement/anonymous-facts';

/** Nationality as the national report groups it; the profile says residence, which implies the group. */
export enum NationalityGroup {
  DUTCH = 'DUTCH',
  EU = 'EU',
  NON_EU = 'NON_EU',
  UNKNOWN = 'UNKNOWN',
}

/** Which kind of organisation signalled her (the report's "melder"). */
export enum SignallerKind {
  POLICE = 'POLICE',
  KMAR = 'KMAR',
  NLA = 'NLA',
  CARE_PROVIDER = 'CARE_PROVIDER',
  MUNICIPALITY = 'MUNICIPALITY',
  VICTIM_SELF = 'VICTIM_SELF',
  OTHER = 'OTHER',
}

/** What a registration keeps: one person, the facts the yearly tables count, and her region. */
export interface RegistrationFacts {
  regionCode: string;
  gender: Gender;
  ageBand: AgeBand;
  exploitationTypes: ExploitationType[];
  nationalityGroup: NationalityGroup;
  signalledBy: SignallerKind;
}

/** What the coordinator gives; the age is turned into its band here and not kept. */
export interface RegistrationInput {
  regionCode: string;
  gender: Gender;
  age?: number | null;
  minor?: boolean | null;
  exploitationTypes: readonly ExploitationType[];
  nationalityGroup?: NationalityGroup | null;
  residenceStatus?: ResidenceStatus | null;
  signalledBy: SignallerKind;
}

export interface RegistrationProblem {
  field: string;
  message: string;
}

/** The group a residence status implies; UNKNOWN where it says nothing about nationality. */
export function nationalityGroupOf(residenceStatus: ResidenceStatus | null | undefined): NationalityGroup {
  switch (residenceStatus) {
    case ResidenceStatus.DUTCH:
      return NationalityGroup.DUTCH;
    case ResidenceStatus.EU_CITIZEN:
      return NationalityGroup.EU;
    case ResidenceStatus.LAWFUL_NON_EU:
    case ResidenceStatus.NO_LAWFUL_RESIDENCE:
    case ResidenceStatus.ASYLUM_PROCEDURE:
      return NationalityGroup.NON_EU;
    default:
      return NationalityGroup.UNKNOWN;
  }
}

/** The facts to keep, or the first problem with the input (naming the field). */
export function registrationFacts(input: RegistrationInput): RegistrationFacts | RegistrationProblem {
  if (input.age != null && (!Number.isInteger(input.age) || input.age < 0 || input.age > 120))
    return { field: 'age', message: 'age must be a whole number of years from 0 to 120 (or left out when unknown)' };
  if (input.age != null && input.minor != null && input.minor !== input.age < 18)
    return { field: 'minor', message: `minor says ${input.minor} but age ${input.age} says otherwise` };
  if (input.exploitationTypes.length === 0)
    return {
      field: 'exploitationTypes',
      message: 'exploitationTypes must name at least one ExploitationType (OTHER when unclear)',
    };
  const implied = input.residenceStatus != null ? nationalityGroupOf(input.residenceStatus) : null;
  if (
    input.nationalityGroup != null &&
    implied !== null &&
    implied !== NationalityGroup.UNKNOWN &&
    input.nationalityGroup !== implied
  )
    return {
      field: 'nationalityGroup',
      message: `nationalityGroup ${input.nationalityGroup} contradicts residenceStatus ${input.residenceStatus}; give one of them`,
    };
  return {
    regionCode: input.regionCode,
    gender: input.gender,
    ageBand: ageBandOf({ age: input.age ?? null, minor: input.minor ?? null }),
    exploitationTypes: [...new Set(input.exploitationTypes)].sort(),
    nationalityGroup: input.nationalityGroup ?? implied ?? NationalityGroup.UNKNOWN,
    signalledBy: input.signalledBy,
  };
}

type CheckedFacts = Pick<AnonymousFacts, 'gender' | 'ageBand'>;

/**
 * The facts a registration must share with the request she is registered with; an unknown age band
 * matches any. Only what whoever registers already sees in the request's summary (gender, age band):
 * a check of the kinds of exploitation or the residence status, which the summary leaves out, would
 * answer yes or no about them until the hidden value was found (red team, third pass F6). Those are
 * the registrant's own report.
 */
const CHECKS: { field: string; matches: (given: CheckedFacts, known: CheckedFacts) => boolean }[] = [
  { field: 'gender', matches: (given, known) => given.gender === known.gender },
  {
    field: 'age',
    matches: (given, known) => given.ageBand === 'UNKNOWN' || known.ageBand === 'UNKNOWN' || given.ageBand === known.ageBand,
  },
];

/**
 * Whether the facts given fit the person of the request (or one of its group's members): the
 * first field no one of them fits. The message never says what the request holds, since whoever
 * registers may see only its summary, and probing field by field must not read the profile out.
 */
export function registrationMismatch(facts: RegistrationFacts, people: readonly CheckedFacts[]): RegistrationProblem | null {
  let candidates = people;
  if (candidates.length === 0) return null;
  for (const check of CHECKS) {
    const fitting = candidates.filter((known) => check.matches(facts, known));
    if (fitting.length === 0)
      return {
        field: check.field,
        message: `${check.field} does not match ${people.length > 1 ? "any of the group's members of" : 'the profile of'} the placement request she is registered with: register what the request says, or correct its profile first (updateVictimProfile)`,
      };
    candidates = fitting;
  }
  return null;
}

export function isRegistrationProblem(value: RegistrationFacts | RegistrationProblem): value is RegistrationProblem {
  return 'field' in value;
}

/** Who registers: the region's zorgcoördinator (002:803), and CoMensha itself for any region. */
export function mayRegisterIn(viewer: { role: Role; regions: readonly string[] }, regionCode: string): boolean {
  if (viewer.role === Role.COMENSHA) return true;
  return viewer.role === Role.ZORGCOORDINATOR && viewer.regions.includes(regionCode);
}

/**
 * Whose registrations a viewer sees: CoMensha keeps the national registration (all), a
 * zorgcoördinator their own regions', everyone else none. `null` means every region.
 */
export function registrationRegionsVisibleTo(viewer: { role: Role; regions: readonly string[] }): readonly string[] | null {
  if (viewer.role === Role.COMENSHA) return null;
  if (viewer.role === Role.ZORGCOORDINATOR) return viewer.regions;
  return [];
}
