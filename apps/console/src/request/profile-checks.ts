/**
 * What the form checks before asking the API, with the API's own limits (libs/domain/src/profile.ts,
 * validateProfile): a wrong value is told at its field in words, never sent and never read as empty.
 * Also maps a field the API still rejects (`extensions.field`, e.g. `profile.languages[0]`) back
 * to the form's field.
 */
import type { ReadableError } from '../api/errors';
import type { MessageKey } from '../i18n/messages';
import type { ProfileDraft } from './profile';

/** The API's limits (MAX_AGE, MAX_ACCOMPANYING_CHILDREN, MAX_GROUP_SIZE, MAX_MUNICIPALITY_LENGTH, MAX_LANGUAGES). */
export const LIMITS = {
  age: { min: 0, max: 120 },
  accompanyingChildren: { min: 0, max: 20 },
  groupSize: { min: 1, max: 200 },
  municipalityLength: 100,
  languages: 20,
} as const;
/** Room for 20 two-letter codes with ", " between them. */
export const LANGUAGES_MAX_LENGTH = LIMITS.languages * 4;
const ADULT_AGE = 18;

/** The form fields a problem can be shown at: the profile's, and the request's group size. */
export type CheckedField =
  | 'age'
  | 'minor'
  | 'accompanyingChildren'
  | 'languages'
  | 'foundInMunicipality'
  | 'registeredInMunicipality'
  | 'bedenktijdStart'
  | 'groupSize';

/** A problem as a message key with its values: put into words by the form, in the chosen language. */
export interface FieldProblem {
  key: MessageKey;
  params?: Record<string, string>;
}

export type FieldProblems = Partial<Record<CheckedField, FieldProblem>>;

const WHOLE = /^\d+$/;

/** A whole number within `range`, or the problem; an empty field is no problem (not known). */
export function wholeNumberProblem(text: string, range: { min: number; max: number }): FieldProblem | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = WHOLE.test(trimmed) ? Number(trimmed) : NaN;
  return Number.isInteger(value) && value >= range.min && value <= range.max
    ? null
    : { key: 'check.wholeNumber', params: { min: String(range.min), max: String(range.max) } };
}

/** "pl, en" → ["pl", "en"]: the codes as typed, lower-cased, split on commas and spaces. */
export function languageCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((code) => code.trim().toLowerCase())
    .filter(Boolean);
}

/** Every problem the form can see by itself, per field. */
export function draftProblems(draft: ProfileDraft, groupSize: string): FieldProblems {
  const problems: FieldProblems = {};
  const age = wholeNumberProblem(draft.age, LIMITS.age);
  if (age) problems.age = age;
  else if (draft.minor && draft.age.trim() !== '' && Number(draft.age) >= ADULT_AGE)
    problems.minor = { key: 'check.minorContradicts' };
  const children = wholeNumberProblem(draft.accompanyingChildren, LIMITS.accompanyingChildren);
  if (children) problems.accompanyingChildren = children;
  const size = wholeNumberProblem(groupSize, LIMITS.groupSize);
  if (size) problems.groupSize = size;
  const codes = languageCodes(draft.languages);
  if (codes.some((code) => !/^[a-z]{2}$/.test(code))) problems.languages = { key: 'check.languages' };
  else if (codes.length > LIMITS.languages)
    problems.languages = { key: 'check.tooManyLanguages', params: { max: String(LIMITS.languages) } };
  for (const field of ['foundInMunicipality', 'registeredInMunicipality'] as const) {
    const text = draft[field];
    // eslint-disable-next-line no-control-regex
    if (text.length > LIMITS.municipalityLength || /[\u0000-\u001f\u007f<>]/.test(text))
      problems[field] = { key: 'check.municipality', params: { max: String(LIMITS.municipalityLength) } };
  }
  return problems;
}

/** What a field allows, said when the API rejects a value the form let through (an unknown municipality). */
const ALLOWED: Record<CheckedField, FieldProblem> = {
  age: { key: 'check.wholeNumber', params: { min: String(LIMITS.age.min), max: String(LIMITS.age.max) } },
  minor: { key: 'check.minorContradicts' },
  accompanyingChildren: {
    key: 'check.wholeNumber',
    params: { min: String(LIMITS.accompanyingChildren.min), max: String(LIMITS.accompanyingChildren.max) },
  },
  groupSize: { key: 'check.wholeNumber', params: { min: String(LIMITS.groupSize.min), max: String(LIMITS.groupSize.max) } },
  languages: { key: 'check.languages' },
  foundInMunicipality: { key: 'check.unknownMunicipality' },
  registeredInMunicipality: { key: 'check.unknownMunicipality' },
  bedenktijdStart: { key: 'check.bedenktijdStart' },
};

const CHECKED = new Set<string>(Object.keys(ALLOWED));

/**
 * The form field an API error names: `profile.languages[0]`, `input.profile.age` and
 * `input.groupSize` are the form's languages, age and group size; null for anything else.
 */
export function formFieldOf(error: Pick<ReadableError, 'code' | 'field'>): CheckedField | null {
  if (error.code !== 'BAD_USER_INPUT' || !error.field) return null;
  const name = error.field
    .replace(/^input\./, '')
    .replace(/^profile\./, '')
    .split(/[.[]/)[0];
  return CHECKED.has(name) ? (name as CheckedField) : null;
}

export function allowedIn(field: CheckedField): FieldProblem {
  return ALLOWED[field];
}
