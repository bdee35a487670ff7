import { ChoiceChips } from '../components/choice-chips';
import { RegionSelect, useRegions } from '../components/region-select';
import { useI18n } from '../i18n/i18n';
import { EnumSelect } from './enum-select';
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

/** The pseudonymous victim profile (no name field, by design). */
export function ProfileForm({
  draft,
  onChange,
  askRouteDecision,
}: {
  draft: ProfileDraft;
  onChange(draft: ProfileDraft): void;
  /** `requestPlacement` records the OM's route decision; the police's noodbed call is exempt from it. */
  askRouteDecision: boolean;
}) {
  const { t, label } = useI18n();
  const regions = useRegions();
  const set =
    <K extends keyof ProfileDraft>(key: K) =>
    (value: ProfileDraft[K]) =>
      onChange({ ...draft, [key]: value });
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
      <label>
        {t('request.age')}
        <input
          name="age"
          type="number"
          min={0}
          max={120}
          inputMode="numeric"
          enterKeyHint="next"
          value={draft.age}
          onChange={(event) => set('age')(event.target.value)}
        />
      </label>
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
      <div className="form-grid">
        <EnumSelect
          label={t('request.residence')}
          name="residenceStatus"
          group="residence"
          options={RESIDENCE_CHOICES}
          emptyLabel={label('residence', 'UNKNOWN')}
          value={draft.residenceStatus}
          onChange={set('residenceStatus')}
        />
        <EnumSelect
          label={t('request.b8')}
          name="b8Status"
          group="b8"
          options={B8_STATUSES}
          value={draft.b8Status}
          onChange={set('b8Status')}
        />
        {draft.b8Status === 'BEDENKTIJD' && (
          <label>
            {t('request.bedenktijdStart')}
            <input
              name="bedenktijdStart"
              type="date"
              value={draft.bedenktijdStart}
              onChange={(event) => set('bedenktijdStart')(event.target.value)}
            />
          </label>
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
        <label>
          {t('request.children')}
          <input
            name="accompanyingChildren"
            type="number"
            min={0}
            max={20}
            inputMode="numeric"
            enterKeyHint="next"
            value={draft.accompanyingChildren}
            onChange={(event) => set('accompanyingChildren')(event.target.value)}
          />
        </label>
        <RegionSelect
          label={t('request.homeRegion')}
          name="homeRegionCode"
          value={draft.homeRegionCode}
          emptyLabel={t('request.unknown')}
          onChange={set('homeRegionCode')}
        />
        <label>
          {t('request.foundIn')}
          <input
            name="foundInMunicipality"
            value={draft.foundInMunicipality}
            autoComplete="off"
            onChange={(event) => set('foundInMunicipality')(event.target.value)}
          />
        </label>
        <label>
          {t('request.registeredIn')}
          <input
            name="registeredInMunicipality"
            value={draft.registeredInMunicipality}
            autoComplete="off"
            onChange={(event) => set('registeredInMunicipality')(event.target.value)}
          />
        </label>
        <label>
          {t('request.languages')}
          <input
            name="languages"
            value={draft.languages}
            autoComplete="off"
            onChange={(event) => set('languages')(event.target.value)}
          />
        </label>
      </div>
      <ChoiceChips
        legend={t('request.careNeeds')}
        group="care"
        name="careNeeds"
        options={CARE_NEEDS}
        value={draft.careNeeds}
        onChange={set('careNeeds')}
      />
      <ChoiceChips
        legend={t('request.excludedRegions')}
        group="region"
        name="excludedRegionCodes"
        options={regions.map((region) => region.code)}
        labelOf={(code) => regions.find((region) => region.code === code)?.name ?? code}
        value={draft.excludedRegionCodes}
        onChange={set('excludedRegionCodes')}
      />
    </fieldset>
  );
}
