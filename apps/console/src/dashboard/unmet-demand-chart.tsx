import { Bar } from 'react-chartjs-2';
import { useI18n } from '../i18n/i18n';
import { ChartPanel } from './chart-panel';
import { PALETTE } from './charts';
import { CsvButton } from './csv-button';
import { type DashboardSelection, exportQuery } from './period';
import { useUnmetDemand } from './use-unmet-demand';

/** Requests that had to wait, by why (no place, no suitable place, closed…) and by what they needed. */
export function UnmetDemandChart({ selection }: { selection: DashboardSelection }) {
  const { t, label } = useI18n();
  const { report, error } = useUnmetDemand(selection);
  const reasons = report?.byReason.filter((row) => row.requests > 0) ?? [];
  const summary = report && (
    <p className="muted" data-testid="unmet-facts">
      {report.requests} {t('dashboard.requests')} · {report.waited} {t('dashboard.waited')} · {report.escalated}{' '}
      {t('dashboard.escalated')} · {report.noodbedOverstays} {t('dashboard.noodbedOverstays')} · {report.placedOutsideRegion}{' '}
      {t('dashboard.placedOutsideRegion')}
    </p>
  );
  return (
    <ChartPanel
      summary={summary}
      error={error}
      id="unmet"
      title={t('dashboard.unmet')}
      points={reasons.length}
      download={<CsvButton path={`/export/unmet-demand.csv?${exportQuery(selection, false)}`} fileName="unmet-demand.csv" />}
    >
      <Bar
        aria-label={t('dashboard.unmet')}
        data={{
          labels: reasons.map((row) => label('waiting', row.reason)),
          datasets: [
            { label: t('dashboard.requests'), data: reasons.map((row) => row.requests), backgroundColor: PALETTE.occupied },
          ],
        }}
        options={{ plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }}
      />
    </ChartPanel>
  );
}
