import type { Freshness } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { whenWords } from '../i18n/time-words';
import { useNow } from '../worklist/use-now';

/**
 * How far the figure can be trusted; STALE and UNKNOWN say "call to verify".
 *
 * A screen kept live by the socket passes `notLiveSince` while the socket is down: when it last knew
 * its figures current (its last read, or the moment the socket dropped). A figure no one keeps
 * current then is not called "actueel" (nor "wordt oud", which presumes it is watched) but "niet
 * live — laatst bekend 3 min geleden". "Call to verify" stays as it is: it asks for more.
 */
export function FreshnessBadge({ freshness, notLiveSince = null }: { freshness: Freshness; notLiveSince?: Date | null }) {
  const i18n = useI18n();
  const now = useNow(30_000);
  const notLive = notLiveSince !== null && (freshness === 'FRESH' || freshness === 'AGING');
  return (
    <span
      className={`badge freshness-${notLive ? 'not-live' : freshness.toLowerCase()}`}
      data-freshness={freshness}
      data-live={notLiveSince === null}
    >
      {notLive
        ? i18n.f('freshness.notLive', { when: whenWords(i18n, notLiveSince.toISOString(), now) })
        : i18n.label('freshness', freshness)}
    </span>
  );
}
