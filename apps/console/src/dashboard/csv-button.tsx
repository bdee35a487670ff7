import { useState } from 'react';
import { downloadCsv } from '../api/csv';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../shell/viewer-context';

/**
 * Downloads `/export/…csv` with the bearer token (fetch + Blob), in two forms: for Dutch Excel
 * (`format=excel-nl`: semicolons, BOM, Amsterdam times, words) and the standard, machine-readable
 * file. Says why when it fails.
 */
export function CsvButton({ path, fileName }: { path: string; fileName: string }) {
  const { t } = useI18n();
  const { token } = useSession();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const download = (pathAndQuery: string, name: string) => {
    setBusy(true);
    setProblem(null);
    downloadCsv(pathAndQuery, name, token() ?? '')
      .catch((error: Error) => setProblem(error.message))
      .finally(() => setBusy(false));
  };
  const excelName = fileName.replace(/\.csv$/, '-excel.csv');
  return (
    <span className="csv">
      <button
        type="button"
        disabled={busy}
        data-csv-excel={excelName}
        onClick={() => download(`${path}${path.includes('?') ? '&' : '?'}format=excel-nl`, excelName)}
      >
        {t('planning.csvExcel')}
      </button>{' '}
      <button type="button" disabled={busy} data-csv={fileName} onClick={() => download(path, fileName)}>
        {t('planning.csvStandard')}
      </button>
      {problem && (
        <span className="error-inline" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
