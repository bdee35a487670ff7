import { Bar } from 'react-chartjs-2';
import { useI18n } from '../i18n/i18n';
import { ChartPanel } from './chart-panel';
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
  return (
    <ChartPanel error={error} id="time-to-placement" title={t('dashboard.timeToPlacement')} points={measured}>
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
