import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';

/** How long before the token's `exp` the warning shows. */
export const WARN_BEFORE_MS = 5 * 60_000;

/**
 * A banner from five minutes before the token expires: when, and what happens to the request form.
 * A pasted token: the form stays in this tab's memory and is back after logging in again here. An
 * OIDC login leaves the page for the identity provider, which loses the tab's memory (and the form
 * is deliberately never written to the browser's storage): so the person is told to finish first.
 */
export function SessionWarning({ expiresAt, viaOidc }: { expiresAt: number | null; viaOidc: boolean }) {
  const { t, f, dateTime } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  const warnAt = expiresAt === null ? null : expiresAt - WARN_BEFORE_MS;
  const warning = warnAt !== null && now >= warnAt;
  useEffect(() => {
    if (warnAt === null) return;
    // Before the warning: one timer to its start; during it: once a second, for the countdown.
    const timer = warning
      ? setInterval(() => setNow(Date.now()), 1_000)
      : setTimeout(() => setNow(Date.now()), Math.min(warnAt - Date.now(), 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [warnAt, warning]);
  if (!warning || expiresAt === null) return null;
  const left = Math.max(0, expiresAt - now);
  const minutes = Math.ceil(left / 60_000);
  return (
    <div className="warning-box session-warning" role="status" data-testid="session-warning">
      <p>
        <strong>
          {left < 60_000
            ? t('session.expiresInLessThanAMinute')
            : f('session.expiresIn', { minutes: String(minutes), at: dateTime(new Date(expiresAt).toISOString()) })}
        </strong>
      </p>
      <p>{viaOidc ? t('session.oidcFinishFirst') : t('session.formKept')}</p>
    </div>
  );
}
