import type { TimeBucket } from '../api/types';
import { RegionSelect } from '../components/region-select';
import { useI18n } from '../i18n/i18n';
import type { DashboardSelection } from './period';

const BUCKETS: TimeBucket[] = ['HOUR', 'DAY', 'WEEK'];

export function DashboardControls({
  selection,
  onChange,
}: {
  selection: DashboardSelection;
  onChange(selection: DashboardSelection): void;
}) {
  const { t, label } = useI18n();
  return (
    <div className="dashboard-controls filters">
      <RegionSelect
        label={t('dashboard.region')}
        name="region"
        value={selection.regionCode}
        emptyLabel={t('beds.allRegions')}
        onChange={(regionCode) => onChange({ ...selection, regionCode })}
      />
      <label>
        {t('dashboard.from')}
        <input
          type="date"
          name="from"
          value={selection.from}
          max={selection.to}
          onChange={(event) => event.target.value && onChange({ ...selection, from: event.target.value })}
        />
      </label>
      <label>
        {t('dashboard.to')}
        <input
          type="date"
          name="to"
          value={selection.to}
          min={selection.from}
          onChange={(event) => event.target.value && onChange({ ...selection, to: event.target.value })}
        />
      </label>
      <label>
        {t('dashboard.bucket')}
        <select
          name="bucket"
          value={selection.bucket}
          onChange={(event) => onChange({ ...selection, bucket: event.target.value as TimeBucket })}
        >
          {BUCKETS.map((bucket) => (
            <option key={bucket} value={bucket}>
              {label('bucket', bucket)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('dashboard.year')}
        <input
          type="number"
          name="year"
          min={2000}
          max={2100}
          value={selection.year}
          onChange={(event) => Number(event.target.value) && onChange({ ...selection, year: Number(event.target.value) })}
        />
      </label>
    </div>
  );
}
