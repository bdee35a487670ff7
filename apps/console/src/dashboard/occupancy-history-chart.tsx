import { Line } from 'react-chartjs-2';
import { useQuery } from 'urql';
import { OccupancyHistoryDocument } from '../api/generated';
import type { OccupancyPoint } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { ChartPanel } from './chart-panel';
import { PALETTE } from './charts';
import { CsvButton } from './csv-button';
import { FiguresTable } from './figures-table';
import { type DashboardSelection, exportQuery, periodInstants, regionCodesOf } from './period';

type Series = 'occupied' | 'held' | 'outOfService' | 'available';

/**
 * Occupied, held, out of service and free places per bucket, added up over the selected regions and
 * kinds. A bucket in which a facility had no recorded figures yet is drawn as a gap, not a zero (nor
 * as a partial sum that would seem to climb as facilities enter the history), and the table below
 * says "geen gegevens" for it.
 */
export function OccupancyHistoryChart({ selection }: { selection: DashboardSelection }) {
  const { t, f, language } = useI18n();
  const [{ data, error }] = useQuery({
    query: OccupancyHistoryDocument,
    variables: { ...periodInstants(selection), bucket: selection.bucket, regionCodes: regionCodesOf(selection) },
  });
  const buckets = sumPerBucket(data?.occupancyHistory ?? []);
  const gaps = buckets.filter((bucket) => !bucket.complete).length;
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
      summary={
        gaps > 0 && (
          <p className="muted" data-testid="occupancy-gaps" data-gaps={gaps}>
            {f('planning.gaps', { n: String(gaps), m: String(buckets.length) })}
          </p>
        )
      }
      table={
        <FiguresTable id="occupancy" columns={[t('planning.when'), ...series.map((serie) => t(`chart.${serie.key}`))]}>
          {buckets.map((bucket) => (
            <tr key={bucket.at} data-complete={bucket.complete}>
              <th scope="row">{format.format(new Date(bucket.at))}</th>
              {bucket.withHistory === 0 ? (
                <td colSpan={series.length}>{t('planning.noHistory')}</td>
              ) : !bucket.complete ? (
                <td colSpan={series.length}>
                  {f('planning.partialHistory', { n: String(bucket.withHistory), m: String(bucket.facilities) })}
                </td>
              ) : (
                series.map((serie) => <td key={serie.key}>{bucket[serie.key]}</td>)
              )}
            </tr>
          ))}
        </FiguresTable>
      }
    >
      <Line
        aria-label={t('dashboard.occupancy')}
        data={{
          labels: buckets.map((bucket) => format.format(new Date(bucket.at))),
          datasets: series.map((serie) => ({
            label: t(`chart.${serie.key}`),
            // null: no (complete) figures for this bucket, drawn as a gap.
            data: buckets.map((bucket) => (bucket.complete ? bucket[serie.key] : null)),
            spanGaps: false,
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

type Bucket = { at: string; facilities: number; withHistory: number; complete: boolean } & Record<Series, number>;

/** The selected regions and kinds added up per bucket; complete only when every one of them is. */
function sumPerBucket(points: OccupancyPoint[]): Bucket[] {
  const byAt = new Map<string, Bucket>();
  for (const point of points) {
    const bucket = byAt.get(point.at) ?? {
      at: point.at,
      occupied: 0,
      held: 0,
      outOfService: 0,
      available: 0,
      facilities: 0,
      withHistory: 0,
      complete: true,
    };
    bucket.facilities += point.facilities;
    bucket.withHistory += point.facilitiesWithHistory;
    bucket.complete = bucket.complete && point.complete;
    bucket.occupied += point.occupied;
    bucket.held += point.held;
    bucket.outOfService += point.outOfService;
    bucket.available += point.available;
    byAt.set(point.at, bucket);
  }
  return [...byAt.values()].sort((a, b) => a.at.localeCompare(b.at));
}
