import type {
  AangifteStatus,
  B8Status,
  CareNeed,
  ExploitationType,
  Gender,
  ResidenceStatus,
  ThreatLevel,
  VictimProfileInput,
} from '../api/generated';
import { languageCodes } from './profile-checks';

/**
 * The victim profile as the form holds it (strings from inputs) and as the API takes it
 * (VictimProfileInput). Lives only in the form's memory: never stored in the browser.
 */
export const GENDERS = ['FEMALE', 'MALE', 'X'] as const;
export const EXPLOITATION_TYPES = ['SEXUAL', 'LABOUR', 'CRIMINAL', 'ORGAN_REMOVAL', 'OTHER', 'SERIOUS_DISADVANTAGE'] as const;
export const RESIDENCE_STATUSES = [
  'DUTCH',
  'EU_CITIZEN',
  'LAWFUL_NON_EU',
  'NO_LAWFUL_RESIDENCE',
  'ASYLUM_PROCEDURE',
  'UNKNOWN',
] as const;
export const B8_STATUSES = [
  'NOT_APPLICABLE',
  'NOT_YET_INFORMED',
  'BEDENKTIJD',
  'B8_PERMIT',
  'B8_PERMIT_NO_COOPERATION',
  'B9',
] as const;
export const AANGIFTE_STATUSES = ['NONE', 'DONE', 'DECLINED'] as const;
export const CARE_NEEDS = ['LVB', 'GGZ', 'ADDICTION', 'MULTI_DOMAIN'] as const;
export const THREAT_LEVELS = ['NORMAL', 'HIGH'] as const;
export const URGENCIES = ['ACUTE', 'URGENT', 'PLANNED'] as const;

export interface ProfileDraft {
  gender: string;
  age: string;
  /** Minor while the age is not known (the police at night often know no more). */
  minor: boolean;
  exploitationTypes: string[];
  residenceStatus: string;
  b8Status: string;
  bedenktijdStart: string;
  aangifte: string;
  careNeeds: string[];
  accompanyingChildren: string;
  threatLevel: string;
  excludedRegionCodes: string[];
  homeRegionCode: string;
  foundInMunicipality: string;
  registeredInMunicipality: string;
  languages: string;
  /** Not part of the profile: the screeningsoverleg's route decision with the OM (003:490), for criminal exploitation. */
  routeDecided: boolean;
}

export const EMPTY_PROFILE: ProfileDraft = {
  gender: '',
  age: '',
  minor: false,
  exploitationTypes: [],
  residenceStatus: '',
  b8Status: '',
  bedenktijdStart: '',
  aangifte: '',
  careNeeds: [],
  accompanyingChildren: '',
  threatLevel: '',
  excludedRegionCodes: [],
  homeRegionCode: '',
  foundInMunicipality: '',
  registeredInMunicipality: '',
  languages: '',
  routeDecided: false,
};

/** Criminal exploitation with the route decision recorded: the request need not wait for it (003:490). */
export function routeDecidedOf(draft: ProfileDraft): boolean {
  return draft.routeDecided && draft.exploitationTypes.includes('CRIMINAL');
}

/**
 * The API's input, leaving out what was not filled in and the fields in `leftOut` (those with a
 * problem, told at the field: profile-checks.ts); null until gender and exploitation are known.
 */
export function toProfileInput(draft: ProfileDraft, leftOut: ReadonlySet<string> = new Set()): VictimProfileInput | null {
  if (!draft.gender || draft.exploitationTypes.length === 0) return null;
  // The draft holds what its selects and chips chose, which offer only the schema's members (the lists
  // above); the API refuses any other value.
  const input: VictimProfileInput = {
    gender: draft.gender as Gender,
    exploitationTypes: draft.exploitationTypes as ExploitationType[],
  };
  const given = (field: keyof ProfileDraft) => !leftOut.has(field);
  const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined);
  if (given('age') && whole(draft.age) !== undefined) input.age = whole(draft.age);
  else if (given('minor') && draft.minor) input.minor = true;
  if (draft.residenceStatus) input.residenceStatus = draft.residenceStatus as ResidenceStatus;
  if (draft.b8Status) input.b8Status = draft.b8Status as B8Status;
  if (given('bedenktijdStart') && draft.b8Status === 'BEDENKTIJD' && draft.bedenktijdStart)
    input.bedenktijdStart = draft.bedenktijdStart;
  if (draft.aangifte) input.aangifte = draft.aangifte as AangifteStatus;
  if (draft.careNeeds.length > 0) input.careNeeds = draft.careNeeds as CareNeed[];
  if (given('accompanyingChildren') && whole(draft.accompanyingChildren))
    input.accompanyingChildren = whole(draft.accompanyingChildren);
  if (draft.threatLevel) input.threatLevel = draft.threatLevel as ThreatLevel;
  if (draft.excludedRegionCodes.length > 0) input.excludedRegionCodes = draft.excludedRegionCodes;
  if (given('homeRegionCode') && draft.homeRegionCode) input.homeRegionCode = draft.homeRegionCode;
  if (given('foundInMunicipality') && draft.foundInMunicipality.trim())
    input.foundInMunicipality = draft.foundInMunicipality.trim();
  if (given('registeredInMunicipality') && draft.registeredInMunicipality.trim())
    input.registeredInMunicipality = draft.registeredInMunicipality.trim();
  const languages = languageCodes(draft.languages);
  if (given('languages') && languages.length > 0) input.languages = languages;
  return input;
}
