import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * A chart's figures as a table, folded under the chart. A canvas is a picture to a screen reader;
 * this is what it reads instead (and anyone who wants the exact numbers), in the same words as the
 * chart's legend, with no count where the chart draws none.
 */
export function FiguresTable({ id, columns, children }: { id: string; columns: string[]; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <details data-testid={`${id}-table`}>
      <summary>{t('planning.asTable')}</summary>
      <table className="stats-table">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </details>
  );
}
