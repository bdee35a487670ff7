import { useI18n } from '../i18n/i18n';
import { clockWords, isTodayInAmsterdam, momentWords } from '../i18n/time-words';

/**
 * Above a kept board: no connection, when it was last known ("om 03:12", or "gisteren 23:40"), and
 * that it is not live — so nobody relies on a place that was free an hour ago without knowing it.
 */
export function KeptBoardNotice({ savedAt }: { savedAt: string }) {
  const i18n = useI18n();
  const text = isTodayInAmsterdam(savedAt)
    ? i18n.f('offline.keptToday', { time: clockWords(i18n, savedAt) })
    : i18n.f('offline.keptEarlier', { moment: momentWords(i18n, savedAt) });
  return (
    <div className="kept-board-notice" role="status" data-testid="kept-board-notice">
      <p>
        <strong>{text}</strong>
      </p>
      <p>{i18n.t('offline.readOnly')}</p>
    </div>
  );
}
