import { ChoiceChips } from '../components/choice-chips';
import { useI18n } from '../i18n/i18n';
import { EnumSelect } from '../request/enum-select';
import { EXPLOITATION_TYPES, GENDERS } from '../request/profile';
import type { OutlineDraft } from './action-draft';

/** One outline of the people expected: how many, gender, minors or not, how exploited. */
export function OutlineFields({
  index,
  outline,
  onChange,
  onRemove,
}: {
  index: number;
  outline: OutlineDraft;
  onChange(outline: OutlineDraft): void;
  onRemove?(): void;
}) {
  const { t, f } = useI18n();
  const set = <K extends keyof OutlineDraft>(key: K, value: OutlineDraft[K]) => onChange({ ...outline, [key]: value });
  return (
    <fieldset className="form-section outline" data-testid="outline">
      <legend>{f('actions.outline', { n: String(index + 1) })}</legend>
      <label>
        {t('actions.count')}
        <input
          name={`count-${index}`}
          inputMode="numeric"
          required
          value={outline.count}
          onChange={(event) => set('count', event.target.value)}
        />
      </label>
      <EnumSelect
        label={t('request.gender')}
        name={`gender-${index}`}
        group="gender"
        options={GENDERS}
        value={outline.gender}
        required
        onChange={(value) => set('gender', value)}
      />
      <label className="inline">
        <input
          type="checkbox"
          name={`minor-${index}`}
          checked={outline.minor}
          onChange={(event) => set('minor', event.target.checked)}
        />
        {t('actions.minor')}
      </label>
      <ChoiceChips
        legend={t('request.exploitation')}
        group="exploitation"
        name={`exploitation-${index}`}
        options={EXPLOITATION_TYPES}
        value={outline.exploitationTypes as (typeof EXPLOITATION_TYPES)[number][]}
        onChange={(value) => set('exploitationTypes', value)}
      />
      {onRemove && (
        <button type="button" onClick={onRemove}>
          {f('actions.removeOutline', { n: String(index + 1) })}
        </button>
      )}
    </fieldset>
  );
}
