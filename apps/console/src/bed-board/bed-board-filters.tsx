import { useQuery } from 'urql';
import { REGIONS } from '../api/documents';
import { type Region, SHELTER_TYPES } from '../api/types';
import { ChoiceChips } from '../components/choice-chips';
import { useI18n } from '../i18n/i18n';
import type { BedBoardFilter } from './use-live-facilities';

export function BedBoardFilters({ filter, onChange }: { filter: BedBoardFilter; onChange(filter: BedBoardFilter): void }) {
  const { t } = useI18n();
  const [{ data }] = useQuery<{ regions: Region[] }>({ query: REGIONS });
  return (
    <div className="filters">
      <label>
        {t('beds.region')}
        <select
          name="region"
          value={filter.regionCode}
          onChange={(event) => onChange({ ...filter, regionCode: event.target.value })}
        >
          <option value="">{t('beds.allRegions')}</option>
          {(data?.regions ?? []).map((region) => (
            <option key={region.code} value={region.code}>
              {region.name}
            </option>
          ))}
        </select>
      </label>
      <ChoiceChips
        legend={t('beds.kinds')}
        group="kind"
        name="kind"
        options={SHELTER_TYPES}
        value={filter.types}
        onChange={(types) => onChange({ ...filter, types })}
      />
      <label className="inline">
        <input
          type="checkbox"
          name="availableOnly"
          checked={filter.availableOnly}
          onChange={(event) => onChange({ ...filter, availableOnly: event.target.checked })}
        />
        {t('beds.availableOnly')}
      </label>
    </div>
  );
}
