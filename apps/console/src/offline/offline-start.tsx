import { useEffect, useState } from 'react';
import type { CombinedError } from 'urql';
import { BoardRows } from '../bed-board/board-rows';
import { ErrorMessage } from '../components/error-message';
import { useI18n } from '../i18n/i18n';
import { LanguageToggle } from '../shell/language-toggle';
import { ThemeToggle } from '../theme/theme-toggle';
import { type KeptBoard, keptBoard } from './kept-board';
import { KeptBoardNotice } from './kept-board-notice';
import { useViewerKey } from './use-kept-board';

/**
 * The console opened (or reloaded) without a network: who is logged in cannot be asked, so there
 * are no screens, only this viewer's last known board, read-only and marked not live, and a way to
 * try again (also by itself when the device is back online).
 */
export function OfflineStart(props: {
  token: string | null;
  error: CombinedError | undefined;
  onRetry(): void;
  /** Also offline: logging out clears the kept board and the token on this device. */
  onLogout(): void;
}) {
  const { t } = useI18n();
  const key = useViewerKey(props.token);
  const [kept, setKept] = useState<KeptBoard | null>(null);
  useEffect(() => {
    let current = true;
    if (key)
      void keptBoard(key).then(
        (found) => current && setKept(found),
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [key]);
  const { onRetry } = props;
  useEffect(() => {
    window.addEventListener('online', onRetry);
    return () => window.removeEventListener('online', onRetry);
  }, [onRetry]);

  return (
    <>
      <header className="top-bar">
        <span className="brand">{t('appName')}</span>
        <span className="who" />
        <ThemeToggle />
        <LanguageToggle />
        <button type="button" className="link-button" onClick={props.onLogout}>
          {t('logout')}
        </button>
      </header>
      <main className="page">
        <div className="screen-title">
          <h1>{t('beds.title')}</h1>
          <span className="connection connection-offline" data-connection="offline">
            {t('offline.notLive')}
          </span>
        </div>
        {kept ? <KeptBoardNotice savedAt={kept.savedAt} /> : <ErrorMessage error={props.error} />}
        <p>
          <button type="button" onClick={onRetry}>
            {t('retry')}
          </button>
        </p>
        {kept && <BoardRows facilities={kept.facilities} sort="region" origin={null} notLiveSince={new Date(kept.savedAt)} />}
      </main>
    </>
  );
}
