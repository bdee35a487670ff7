import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { ErrorMessage } from '../components/error-message';
import { useI18n } from '../i18n/i18n';

/** A titled panel around one chart, with its CSV download, and a word when there is nothing to draw. */
export function ChartPanel(props: {
  id: string;
  title: string;
  points: number;
  error?: CombinedError;
  download?: ReactNode;
  /** Figures in words above the chart. */
  summary?: ReactNode;
  /** The chart's figures as a table (FiguresTable), below it. */
  table?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section className="card chart-panel" data-chart={props.id} data-points={props.points}>
      <header>
        <h2>{props.title}</h2>
        {props.download}
      </header>
      <ErrorMessage error={props.error} />
      {props.summary}
      {props.points === 0 ? (
        <p className="muted">{t('dashboard.noData')}</p>
      ) : (
        <>
          <div className="chart-box">{props.children}</div>
          {props.table}
        </>
      )}
    </section>
  );
}
