import { SHELTER_TYPES } from '../api/types';
import { ChoiceChips } from '../components/choice-chips';
import { RegionSelect } from '../components/region-select';
import { useI18n } from '../i18n/i18n';
import type { BedBoardFilter } from './use-live-facilities';

export function BedBoardFilters({ filter, onChange }: { filter: BedBoardFilter; onChange(filter: BedBoardFilter): void }) {
  const { t } = useI18n();
  return (
    <div className="filters">
      <RegionSelect
        label={t('beds.region')}
        name="region"
        value={filter.regionCode}
        emptyLabel={t('beds.allRegions')}
        onChange={(regionCode) => onChange({ ...filter, regionCode })}
      />
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
