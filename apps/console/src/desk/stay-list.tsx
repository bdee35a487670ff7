import { useEffect, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { DeskStaysDocument, PlacementRequestUpdatedDocument } from '../api/generated';
import { ErrorMessage } from '../components/error-message';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../shell/viewer-context';
import type { StayEnded } from '../stay/end-stay';
import { StayCard } from './stay-card';

const REREAD_MS = 30_000;

/**
 * The stays at this shelter (PLACED), newest first, re-read when any request the staff may see
 * changes; each can be ended with its outcome. What was just ended is said above the list, since
 * its card goes.
 */
export function StayList() {
  const { t, f, label } = useI18n();
  const { viewer } = useSession();
  const [{ data, error, fetching }, reread] = useQuery({ query: DeskStaysDocument, requestPolicy: 'cache-and-network' });
  useSubscription({ query: PlacementRequestUpdatedDocument, variables: {} }, (_previous, event) => {
    reread({ requestPolicy: 'network-only' });
    return event;
  });
  // A stay ended elsewhere is no longer the staff's to see, so no event says it went: re-read slowly too.
  useEffect(() => {
    const timer = setInterval(() => reread({ requestPolicy: 'network-only' }), REREAD_MS);
    return () => clearInterval(timer);
  }, [reread]);
  const [ended, setEnded] = useState<StayEnded | null>(null);
  const stays = data?.placementRequests.edges.map((edge) => edge.node) ?? [];
  const endedWords = ended
    ? ended.still > 0
      ? f('endStay.someLeft', { n: String(ended.left), outcome: label('outcome', ended.outcome), still: String(ended.still) })
      : f('endStay.ended', { outcome: label('outcome', ended.outcome) })
    : '';

  return (
    <section className="stays" aria-labelledby="stays-heading">
      <h2 id="stays-heading">
        {t('desk.stays')}{' '}
        <span className="muted" data-testid="stay-count">
          ({stays.length})
        </span>
      </h2>
      <p role="status" aria-live="polite" data-testid="stay-ended" className={ended ? 'ok-box' : 'visually-hidden'}>
        {endedWords}
      </p>
      <ErrorMessage error={error} />
      {!fetching && stays.length === 0 && <p>{t('desk.noStays')}</p>}
      {stays.map((stay) => (
        <StayCard
          key={stay.id}
          request={stay}
          facilityIds={viewer.facilityIds}
          onEnded={(what) => {
            setEnded(what);
            reread({ requestPolicy: 'network-only' });
          }}
        />
      ))}
    </section>
  );
}
