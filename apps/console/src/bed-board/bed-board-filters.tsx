import { useState } from 'react';
import { SHELTER_TYPES } from '../api/types';
import { ChoiceChips } from '../components/choice-chips';
import { useRegions } from '../components/region-select';
import { useI18n } from '../i18n/i18n';
import type { BedBoardFilter } from './use-live-facilities';

/** The select's value for "my regions" when the viewer has more than one. */
const MINE = '@mine';
/** Below this width the console is a phone: the filters start folded, so the rows are on the first screen. */
export const PHONE_QUERY = '(max-width: 760px)';

/** How many filters narrow the board: shown on the folded panel ("Filters (2 actief)"). */
export function activeFilters(filter: BedBoardFilter): number {
  return (filter.regionCodes.length > 0 ? 1 : 0) + (filter.types.length > 0 ? 1 : 0) + (filter.availableOnly ? 1 : 0);
}

function sameRegions(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((code) => b.includes(code));
}

/**
 * Region, kinds and "only with a free place", in a panel that folds: open on a desk, folded on a
 * phone, its summary saying how many filters are on.
 */
export function BedBoardFilters(props: { filter: BedBoardFilter; ownRegions: string[]; onChange(filter: BedBoardFilter): void }) {
  const { t, f } = useI18n();
  const { filter, onChange, ownRegions } = props;
  const regions = useRegions();
  const [open, setOpen] = useState(() => !globalThis.matchMedia?.(PHONE_QUERY).matches);
  const count = activeFilters(filter);
  const regionValue =
    filter.regionCodes.length === 0
      ? ''
      : ownRegions.length > 1 && sameRegions(filter.regionCodes, ownRegions)
        ? MINE
        : filter.regionCodes[0];
  return (
    <details
      className="filters-panel"
      open={open}
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary data-testid="filters-summary">
        {count > 0 ? f('beds.filtersActive', { count: String(count) }) : t('beds.filters')}
      </summary>
      <div className="filters">
        <label>
          {t('beds.region')}
          <select
            name="region"
            value={regionValue}
            onChange={(event) => {
              const value = event.target.value;
              onChange({ ...filter, regionCodes: value === MINE ? ownRegions : value ? [value] : [] });
            }}
          >
            <option value="">{t('beds.allRegions')}</option>
            {ownRegions.length > 1 && <option value={MINE}>{f('beds.myRegions', { regions: ownRegions.join(', ') })}</option>}
            {regions.map((region) => (
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
    </details>
  );
}
