import { Bar } from 'react-chartjs-2';
import { useQuery } from 'urql';
import { CAPACITY_OVERVIEW } from '../api/documents';
import { type CapacitySummary, SHELTER_TYPES } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { ChartPanel } from './chart-panel';
import { PALETTE } from './charts';
import { CsvButton } from './csv-button';
import { FiguresTable } from './figures-table';

/** Occupancy now, by kind, over the chosen regions: occupied, held, out of service, free (stacked). */
export function CapacityNowChart({ regionCode }: { regionCode: string }) {
  const regionCodes = regionCode ? [regionCode] : [];
  const { t, label } = useI18n();
  const [{ data, error }] = useQuery<{ capacityOverview: CapacitySummary[] }>({
    query: CAPACITY_OVERVIEW,
    variables: { regionCodes: regionCodes.length > 0 ? regionCodes : null },
  });
  const rows = data?.capacityOverview ?? [];
  const kinds = SHELTER_TYPES.filter((type) => rows.some((row) => row.type === type));
  const sum = (type: string, key: 'occupied' | 'held' | 'outOfService' | 'available') =>
    rows.filter((row) => row.type === type).reduce((total, row) => total + row[key], 0);
  const series = [
    { key: 'occupied', color: PALETTE.occupied },
    { key: 'held', color: PALETTE.held },
    { key: 'outOfService', color: PALETTE.outOfService },
    { key: 'available', color: PALETTE.available },
  ] as const;
  const query = regionCodes.length > 0 ? `?regionCodes=${encodeURIComponent(regionCodes.join(','))}` : '';
  return (
    <ChartPanel
      error={error}
      id="capacity"
      title={t('dashboard.capacity')}
      points={kinds.length}
      download={<CsvButton path={`/export/capacity-overview.csv${query}`} fileName="capacity-overview.csv" />}
      table={
        <FiguresTable id="capacity" columns={[t('planning.kind'), ...series.map((serie) => t(`chart.${serie.key}`))]}>
          {kinds.map((kind) => (
            <tr key={kind}>
              <th scope="row">{label('kind', kind)}</th>
              {series.map((serie) => (
                <td key={serie.key}>{sum(kind, serie.key)}</td>
              ))}
            </tr>
          ))}
        </FiguresTable>
      }
    >
      <Bar
        aria-label={t('dashboard.capacity')}
        data={{
          labels: kinds.map((kind) => label('kind', kind)),
          datasets: series.map((serie) => ({
            label: t(`chart.${serie.key}`),
            data: kinds.map((kind) => sum(kind, serie.key)),
            backgroundColor: serie.color,
          })),
        }}
        options={{ indexAxis: 'y', scales: { x: { stacked: true }, y: { stacked: true } } }}
      />
    </ChartPanel>
  );
}
