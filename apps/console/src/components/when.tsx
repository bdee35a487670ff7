import { useI18n } from '../i18n/i18n';
import { momentWords, whenWords } from '../i18n/time-words';
import { useNow } from '../worklist/use-now';

/**
 * A past moment as people on shift say it: "3 min geleden" within the hour, else "vandaag 03:12"
 * (the exact moment in the title), moving on by itself. `now` from a list that ticks for all rows.
 */
export function When({ iso, now }: { iso: string; now?: number }) {
  const i18n = useI18n();
  const ownNow = useNow(30_000);
  const at = now ?? ownNow;
  return (
    <time dateTime={iso} title={momentWords(i18n, iso, at)}>
      {whenWords(i18n, iso, at)}
    </time>
  );
}
