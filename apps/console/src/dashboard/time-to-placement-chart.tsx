import { Bar } from 'react-chartjs-2';
import type { DurationSummary } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { ChartPanel } from './chart-panel';
import { FiguresTable } from './figures-table';
import { PALETTE } from './charts';
import { type DashboardSelection } from './period';
import { useUnmetDemand } from './use-unmet-demand';

/** Median and 90th percentile minutes from request to offer and to placement (CSV: in unmet demand's). */
export function TimeToPlacementChart({ selection }: { selection: DashboardSelection }) {
  const { t } = useI18n();
  const { report, error } = useUnmetDemand(selection);
  const durations = report ? [report.timeToOffer, report.timeToPlacement] : [];
  const measured = durations.reduce((sum, duration) => sum + (duration.count ?? 0), 0);
  // Fewer requests than the threshold: no count and no median (they would single one out).
  const n = (duration?: { count: number | null }) =>
    duration?.count === null ? t('dashboard.suppressed') : (duration?.count ?? 0);
  // The chart draws a missing median as a bar of 0; the table says why it is missing.
  const minutes = (duration: DurationSummary, value: number | null) =>
    value !== null ? String(value) : duration.count === null ? t('dashboard.suppressed') : t('planning.noHistory');
  const rows = report
    ? [
        { key: 'offer', name: t('dashboard.toOffer'), duration: report.timeToOffer },
        { key: 'placement', name: t('dashboard.toPlacement'), duration: report.timeToPlacement },
      ]
    : [];
  return (
    <ChartPanel
      error={error}
      id="time-to-placement"
      title={t('dashboard.timeToPlacement')}
      points={measured}
      table={
        <FiguresTable
          id="time-to-placement"
          columns={[
            t('planning.fromRequest'),
            t('dashboard.requests'),
            `${t('dashboard.median')} (min)`,
            `${t('dashboard.p90')} (min)`,
          ]}
        >
          {rows.map(({ key, name, duration }) => (
            <tr key={key}>
              <th scope="row">{name}</th>
              <td>{n(duration)}</td>
              <td>{minutes(duration, duration.medianMinutes)}</td>
              <td>{minutes(duration, duration.p90Minutes)}</td>
            </tr>
          ))}
        </FiguresTable>
      }
    >
      <Bar
        aria-label={t('dashboard.timeToPlacement')}
        data={{
          labels: [
            `${t('dashboard.toOffer')} (n=${n(report?.timeToOffer)})`,
            `${t('dashboard.toPlacement')} (n=${n(report?.timeToPlacement)})`,
          ],
          datasets: [
            {
              label: t('dashboard.median'),
              data: durations.map((duration) => duration.medianMinutes ?? 0),
              backgroundColor: PALETTE.total,
            },
            {
              label: t('dashboard.p90'),
              data: durations.map((duration) => duration.p90Minutes ?? 0),
              backgroundColor: PALETTE.third,
            },
          ],
        }}
        options={{ scales: { y: { beginAtZero: true } } }}
      />
    </ChartPanel>
  );
}
