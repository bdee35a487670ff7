import type { InputHTMLAttributes } from 'react';
import { ChoiceChips } from '../components/choice-chips';
import { RegionChips, RegionSelect } from '../components/region-select';
import { useI18n } from '../i18n/i18n';
import { EnumSelect } from './enum-select';
import { type CheckedField, LANGUAGES_MAX_LENGTH, LIMITS } from './profile-checks';
import {
  AANGIFTE_STATUSES,
  B8_STATUSES,
  CARE_NEEDS,
  EXPLOITATION_TYPES,
  GENDERS,
  type ProfileDraft,
  RESIDENCE_STATUSES,
  THREAT_LEVELS,
} from './profile';

/**
 * One "Onbekend", not two: the empty choice is it (the API reads a missing status as UNKNOWN, and
 * shelters that take people of unknown status are matched either way), so UNKNOWN itself is not listed.
 */
const RESIDENCE_CHOICES = RESIDENCE_STATUSES.filter((status) => status !== 'UNKNOWN');

/** The fields typed as text that the form checks (profile-checks.ts). */
type CheckedText = Extract<
  CheckedField,
  'age' | 'accompanyingChildren' | 'bedenktijdStart' | 'foundInMunicipality' | 'registeredInMunicipality' | 'languages'
>;

/**
 * A labelled text field the form checks: what was typed stays as typed (so the form can say what
 * is wrong), and a problem is marked on the field for assistive technology and said beside it.
 */
function CheckedInput({
  field,
  label,
  value,
  problem,
  onValue,
  ...input
}: {
  field: CheckedText;
  label: string;
  value: string;
  problem: string | undefined;
  onValue(value: string): void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'value' | 'onChange'>) {
  return (
    <label>
      {label}
      <input
        name={field}
        autoComplete="off"
        value={value}
        onChange={(event) => onValue(event.target.value)}
        {...input}
        {...(problem ? { 'aria-invalid': true as const, 'aria-describedby': `${field}-problem` } : {})}
      />
      <Problem field={field} text={problem} />
    </label>
  );
}

/** The words of a field's problem, beside the field; the field points to it (aria-describedby). */
function Problem({ field, text }: { field: CheckedField; text: string | undefined }) {
  return text ? (
    <span className="field-problem" id={`${field}-problem`} data-problem-for={field}>
      {text}
    </span>
  ) : null;
}

/**
 * The pseudonymous victim profile (no name field, by design). `short` is the police's noodbed form:
 * what an officer knows at night and the noodbed decides on (gender, age or minor, exploitation,
 * residence status if known, children); the rest is for the zorgcoördinator's onward request.
 */
export function ProfileForm({
  draft,
  onChange,
  askRouteDecision,
  short = false,
  problems,
}: {
  draft: ProfileDraft;
  onChange(draft: ProfileDraft): void;
  /** `requestPlacement` records the OM's route decision; the police's noodbed call is exempt from it. */
  askRouteDecision: boolean;
  short?: boolean;
  /** What is wrong with a field, in words (profile-checks.ts). */
  problems: Partial<Record<CheckedField, string>>;
}) {
  const { t, label } = useI18n();
  const set =
    <K extends keyof ProfileDraft>(key: K) =>
    (value: ProfileDraft[K]) =>
      onChange({ ...draft, [key]: value });
  const marked = (field: CheckedField) =>
    problems[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${field}-problem` } : {};
  const checked = (field: CheckedText, fieldLabel: string) => ({
    field,
    label: fieldLabel,
    value: draft[field],
    problem: problems[field],
    onValue: set(field),
  });
  const children = (
    <CheckedInput {...checked('accompanyingChildren', t('request.children'))} inputMode="numeric" enterKeyHint="next" />
  );
  const residence = (
    <EnumSelect
      label={t('request.residence')}
      name="residenceStatus"
      group="residence"
      options={RESIDENCE_CHOICES}
      emptyLabel={label('residence', 'UNKNOWN')}
      value={draft.residenceStatus}
      onChange={set('residenceStatus')}
    />
  );
  return (
    <fieldset className="form-section">
      <legend>{t('request.profile')}</legend>
      <fieldset className="chips">
        <legend>{t('request.gender')}</legend>
        {GENDERS.map((gender) => (
          <label key={gender} className="chip">
            <input
              type="radio"
              name="gender"
              value={gender}
              checked={draft.gender === gender}
              onChange={() => set('gender')(gender)}
            />
            {label('gender', gender)}
          </label>
        ))}
      </fieldset>
      <div className="age-or-minor">
        {/* Text, not number: "-5", "1e3" or "12.5" stay as typed, so the form can say what is wrong. */}
        <CheckedInput {...checked('age', t('request.age'))} inputMode="numeric" enterKeyHint="next" />
        <label className="inline">
          <input
            type="checkbox"
            name="minor"
            checked={draft.minor}
            onChange={(event) => set('minor')(event.target.checked)}
            {...marked('minor')}
          />
          {t('request.minor')}
        </label>
        <Problem field="minor" text={problems.minor} />
      </div>
      <ChoiceChips
        legend={t('request.exploitation')}
        group="exploitation"
        name="exploitation"
        options={EXPLOITATION_TYPES}
        value={draft.exploitationTypes}
        onChange={set('exploitationTypes')}
      />
      {askRouteDecision && draft.exploitationTypes.includes('CRIMINAL') && (
        <div className="route-decided">
          <label className="inline">
            <input
              type="checkbox"
              name="routeDecided"
              checked={draft.routeDecided}
              onChange={(event) => set('routeDecided')(event.target.checked)}
            />
            {t('request.routeDecided')}
          </label>
          <p className="hint">{t('request.routeDecidedHint')}</p>
        </div>
      )}
      {short ? (
        <div className="form-grid">
          {residence}
          {children}
        </div>
      ) : (
        <>
          <div className="form-grid">
            {residence}
            <EnumSelect
              label={t('request.b8')}
              name="b8Status"
              group="b8"
              options={B8_STATUSES}
              value={draft.b8Status}
              onChange={set('b8Status')}
            />
            {draft.b8Status === 'BEDENKTIJD' && (
              <CheckedInput {...checked('bedenktijdStart', t('request.bedenktijdStart'))} type="date" />
            )}
            <EnumSelect
              label={t('request.aangifte')}
              name="aangifte"
              group="aangifte"
              options={AANGIFTE_STATUSES}
              value={draft.aangifte}
              onChange={set('aangifte')}
            />
            <EnumSelect
              label={t('request.threat')}
              name="threatLevel"
              group="threat"
              options={THREAT_LEVELS}
              value={draft.threatLevel}
              onChange={set('threatLevel')}
            />
            {children}
            <RegionSelect
              label={t('request.homeRegion')}
              name="homeRegionCode"
              value={draft.homeRegionCode}
              emptyLabel={t('request.unknown')}
              onChange={set('homeRegionCode')}
            />
            <CheckedInput {...checked('foundInMunicipality', t('request.foundIn'))} maxLength={LIMITS.municipalityLength} />
            <CheckedInput
              {...checked('registeredInMunicipality', t('request.registeredIn'))}
              maxLength={LIMITS.municipalityLength}
            />
            <CheckedInput {...checked('languages', t('request.languages'))} maxLength={LANGUAGES_MAX_LENGTH} />
          </div>
          <ChoiceChips
            legend={t('request.careNeeds')}
            group="care"
            name="careNeeds"
            options={CARE_NEEDS}
            value={draft.careNeeds}
            onChange={set('careNeeds')}
          />
          <RegionChips
            legend={t('request.excludedRegions')}
            name="excludedRegionCodes"
            value={draft.excludedRegionCodes}
            onChange={set('excludedRegionCodes')}
          />
        </>
      )}
    </fieldset>
  );
}
