import { Line } from 'react-chartjs-2';
import { useQuery } from 'urql';
import { OCCUPANCY_HISTORY } from '../api/documents';
import type { OccupancyPoint } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { ChartPanel } from './chart-panel';
import { PALETTE } from './charts';
import { CsvButton } from './csv-button';
import { type DashboardSelection, exportQuery, periodInstants, regionCodesOf } from './period';

type Series = 'occupied' | 'held' | 'outOfService' | 'available';

/** Occupied, held, out of service and free places per bucket, added up over the selected regions and kinds. */
export function OccupancyHistoryChart({ selection }: { selection: DashboardSelection }) {
  const { t, language } = useI18n();
  const [{ data, error }] = useQuery<{ occupancyHistory: OccupancyPoint[] }>({
    query: OCCUPANCY_HISTORY,
    variables: { ...periodInstants(selection), bucket: selection.bucket, regionCodes: regionCodesOf(selection) },
  });
  const buckets = sumPerBucket(data?.occupancyHistory ?? []);
  const format = new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: 'Europe/Amsterdam',
    ...(selection.bucket === 'HOUR'
      ? { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }
      : { day: 'numeric', month: 'short' }),
  });
  const series: { key: Series; color: string }[] = [
    { key: 'occupied', color: PALETTE.occupied },
    { key: 'held', color: PALETTE.held },
    { key: 'outOfService', color: PALETTE.outOfService },
    { key: 'available', color: PALETTE.available },
  ];
  return (
    <ChartPanel
      error={error}
      id="occupancy"
      title={t('dashboard.occupancy')}
      points={buckets.length}
      download={
        <CsvButton path={`/export/occupancy-history.csv?${exportQuery(selection, true)}`} fileName="occupancy-history.csv" />
      }
    >
      <Line
        aria-label={t('dashboard.occupancy')}
        data={{
          labels: buckets.map((bucket) => format.format(new Date(bucket.at))),
          datasets: series.map((serie) => ({
            label: t(`chart.${serie.key}`),
            data: buckets.map((bucket) => bucket[serie.key]),
            borderColor: serie.color,
            backgroundColor: `${serie.color}55`,
            fill: true,
            pointRadius: buckets.length > 60 ? 0 : 2,
          })),
        }}
        options={{ scales: { y: { stacked: true, beginAtZero: true } } }}
      />
    </ChartPanel>
  );
}

function sumPerBucket(points: OccupancyPoint[]): ({ at: string } & Record<Series, number>)[] {
  const byAt = new Map<string, { at: string } & Record<Series, number>>();
  for (const point of points) {
    const bucket = byAt.get(point.at) ?? { at: point.at, occupied: 0, held: 0, outOfService: 0, available: 0 };
    bucket.occupied += point.occupied;
    bucket.held += point.held;
    bucket.outOfService += point.outOfService;
    bucket.available += point.available;
    byAt.set(point.at, bucket);
  }
  return [...byAt.values()].sort((a, b) => a.at.localeCompare(b.at));
}
