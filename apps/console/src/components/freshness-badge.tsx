import type { Freshness } from '../api/types';
import { useI18n } from '../i18n/i18n';

/** How far the figure can be trusted; STALE and UNKNOWN say "call to verify". */
export function FreshnessBadge({ freshness }: { freshness: Freshness }) {
  const { label } = useI18n();
  return (
    <span className={`badge freshness-${freshness.toLowerCase()}`} data-freshness={freshness}>
      {label('freshness', freshness)}
    </span>
  );
}
