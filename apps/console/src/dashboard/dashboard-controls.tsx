import { useQuery } from 'urql';
import { REGIONS } from '../api/documents';
import type { Region, TimeBucket } from '../api/types';
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
  const [{ data }] = useQuery<{ regions: Region[] }>({ query: REGIONS });
  return (
    <div className="dashboard-controls filters">
      <label>
        {t('dashboard.region')}
        <select
          name="region"
          value={selection.regionCode}
          onChange={(event) => onChange({ ...selection, regionCode: event.target.value })}
        >
          <option value="">{t('beds.allRegions')}</option>
          {(data?.regions ?? []).map((region) => (
            <option key={region.code} value={region.code}>
              {region.name}
            </option>
          ))}
        </select>
      </label>
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
