import { Line } from 'react-chartjs-2';
import { useQuery } from 'urql';
import { StaleShareHistoryDocument } from '../api/generated';
import type { StaleSharePoint } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { ChartPanel } from './chart-panel';
import { PALETTE } from './charts';
import { CsvButton } from './csv-button';
import { FiguresTable } from './figures-table';
import { type DashboardSelection, exportQuery, periodInstants, regionCodesOf } from './period';

/**
 * The share of facilities whose figures were stale (or never confirmed) at each bucket's end, over
 * the selected region or all of them together (issue 18): does the nudge make shelters confirm?
 * The table beside it gives the counts, aging ones too; the CSV gives them per region.
 */
export function StaleShareChart({ selection }: { selection: DashboardSelection }) {
  const { t, language } = useI18n();
  const [{ data, error }] = useQuery({
    query: StaleShareHistoryDocument,
    variables: { ...periodInstants(selection), bucket: selection.bucket, regionCodes: regionCodesOf(selection) },
  });
  const buckets = sumPerBucket(data?.staleShareHistory ?? []);
  const format = new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: 'Europe/Amsterdam',
    ...(selection.bucket === 'HOUR'
      ? { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }
      : { day: 'numeric', month: 'short' }),
  });
  return (
    <ChartPanel
      error={error}
      id="stale-share"
      title={t('dashboard.staleShare')}
      points={buckets.length}
      download={
        <CsvButton path={`/export/stale-share-history.csv?${exportQuery(selection, true)}`} fileName="stale-share-history.csv" />
      }
      table={
        <FiguresTable
          id="stale-share"
          columns={[
            t('planning.when'),
            t('dashboard.facilities'),
            t('dashboard.stale'),
            t('dashboard.aging'),
            t('dashboard.staleSharePercent'),
          ]}
        >
          {buckets.map((bucket) => (
            <tr key={bucket.at} data-at={bucket.at} data-stale-percent={bucket.percent}>
              <th scope="row">{format.format(new Date(bucket.at))}</th>
              <td>{bucket.facilities}</td>
              <td>{bucket.stale}</td>
              <td>{bucket.aging}</td>
              <td>{bucket.percent}</td>
            </tr>
          ))}
        </FiguresTable>
      }
    >
      <Line
        aria-label={t('dashboard.staleShare')}
        data={{
          labels: buckets.map((bucket) => format.format(new Date(bucket.at))),
          datasets: [
            {
              label: t('dashboard.staleSharePercent'),
              data: buckets.map((bucket) => bucket.percent),
              borderColor: PALETTE.occupied,
              backgroundColor: `${PALETTE.occupied}55`,
              pointRadius: buckets.length > 60 ? 0 : 2,
            },
          ],
        }}
        options={{ scales: { y: { beginAtZero: true, max: 100 } } }}
      />
    </ChartPanel>
  );
}

type Bucket = { at: string; facilities: number; stale: number; aging: number; percent: number };

/** The selected regions together per bucket: their stale facilities over all their facilities. */
function sumPerBucket(points: StaleSharePoint[]): Bucket[] {
  const byAt = new Map<string, Bucket>();
  for (const point of points) {
    const bucket = byAt.get(point.at) ?? { at: point.at, facilities: 0, stale: 0, aging: 0, percent: 0 };
    bucket.facilities += point.facilities;
    bucket.stale += point.stale;
    bucket.aging += point.aging;
    byAt.set(point.at, bucket);
  }
  return [...byAt.values()]
    .map((bucket) => ({
      ...bucket,
      percent: bucket.facilities === 0 ? 0 : Math.round((bucket.stale / bucket.facilities) * 1000) / 10,
    }))
    .sort((a, b) => a.at.localeCompare(b.at));
}
