import { useState } from 'react';
import { downloadCsv } from '../api/csv';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../shell/viewer-context';

/** Downloads `/export/…csv` with the bearer token (fetch + Blob); says why when it fails. */
export function CsvButton({ path, fileName }: { path: string; fileName: string }) {
  const { t } = useI18n();
  const { token } = useSession();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <span className="csv">
      <button
        type="button"
        disabled={busy}
        data-csv={fileName}
        onClick={() => {
          setBusy(true);
          setProblem(null);
          downloadCsv(path, fileName, token() ?? '')
            .catch((error: Error) => setProblem(error.message))
            .finally(() => setBusy(false));
        }}
      >
        {t('dashboard.csv')}
      </button>
      {problem && (
        <span className="error-inline" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
