import { Bar } from 'react-chartjs-2';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { ChartPanel } from './chart-panel';
import { PALETTE } from './charts';
import { CsvButton } from './csv-button';
import { FiguresTable } from './figures-table';
import { type DashboardSelection, exportQuery } from './period';
import { useUnmetDemand } from './use-unmet-demand';

/** Requests that had to wait, by why (no place, no suitable place, closed…) and by what they needed. */
export function UnmetDemandChart({ selection }: { selection: DashboardSelection }) {
  const { t, label } = useI18n();
  const { report, error } = useUnmetDemand(selection);
  // A suppressed count is no bar (it would read as zero): it is named in words under the chart.
  const reasons = report?.byReason.filter((row) => row.requests !== null && row.requests > 0) ?? [];
  const hidden = report?.byReason.filter((row) => row.suppressed) ?? [];
  const show = (count: number | null) => (count === null ? t('dashboard.suppressed') : String(count));
  // "12 moesten wachten", but "moesten wachten: onderdrukt (te klein)": a suppressed count is no number to read it with.
  const fact = (count: number | null, key: MessageKey) =>
    count === null ? `${t(key)}: ${t('dashboard.suppressed')}` : `${count} ${t(key)}`;
  const summary = report && (
    <>
      <p className="muted" data-testid="unmet-facts">
        {[
          fact(report.requests, 'dashboard.requests'),
          fact(report.waited, 'dashboard.waited'),
          fact(report.escalated, 'dashboard.escalated'),
          fact(report.noodbedOverstays, 'dashboard.noodbedOverstays'),
          fact(report.placedOutsideRegion, 'dashboard.placedOutsideRegion'),
        ].join(' · ')}
      </p>
      {hidden.length > 0 && (
        <p className="muted" data-testid="unmet-suppressed">
          {hidden.map((row) => `${label('waiting', row.reason)}: ${t('dashboard.suppressed')}`).join(' · ')}
        </p>
      )}
    </>
  );
  return (
    <ChartPanel
      summary={summary}
      error={error}
      id="unmet"
      title={t('dashboard.unmet')}
      points={reasons.length + hidden.length}
      download={<CsvButton path={`/export/unmet-demand.csv?${exportQuery(selection, false)}`} fileName="unmet-demand.csv" />}
      table={
        <FiguresTable id="unmet" columns={[t('planning.reason'), t('dashboard.requests')]}>
          {[...reasons, ...hidden].map((row) => (
            <tr key={row.reason}>
              <th scope="row">{label('waiting', row.reason)}</th>
              <td>{show(row.requests)}</td>
            </tr>
          ))}
        </FiguresTable>
      }
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
