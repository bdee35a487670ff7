import type { Capacity } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { momentWords, whenWords } from '../i18n/time-words';
import { useNow } from '../worklist/use-now';

/** "bijgewerkt 3 min geleden": when a facility's counts were last confirmed (or, failing that, changed). */
export function UpdatedAt({ capacity }: { capacity: Pick<Capacity, 'confirmedAt' | 'updatedAt'> }) {
  const i18n = useI18n();
  const now = useNow(30_000);
  const at = capacity.confirmedAt ?? capacity.updatedAt;
  return (
    <>
      {i18n.t('beds.updated')}{' '}
      <time dateTime={at} title={momentWords(i18n, at, now)}>
        {whenWords(i18n, at, now)}
      </time>
    </>
  );
}
