import { useQuery, useSubscription } from 'urql';
import { DESK_REQUESTS, PLACEMENT_REQUEST_UPDATED } from '../api/documents';
import type { PlacementRequest } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { useI18n } from '../i18n/i18n';
import { type DeskRequest, OfferCard } from './offer-card';

const DESK_FILTER = { filter: { status: ['OFFERED', 'ACCEPTED'] } };

/**
 * Offers to this shelter (the API shows staff only their own facilities' requests), re-read when
 * any request they may see changes, so a new offer appears without a reload.
 */
export function OfferList() {
  const { t } = useI18n();
  const [{ data, error, fetching }, reread] = useQuery<{
    placementRequests: { totalCount: number; edges: { node: DeskRequest }[] };
  }>({
    query: DESK_REQUESTS,
    variables: DESK_FILTER,
    requestPolicy: 'cache-and-network',
  });
  useSubscription<{ placementRequestUpdated: PlacementRequest }>(
    { query: PLACEMENT_REQUEST_UPDATED, variables: {} },
    (_previous, event) => {
      reread({ requestPolicy: 'network-only' });
      return event;
    },
  );
  const requests = data?.placementRequests.edges.map((edge) => edge.node) ?? [];
  return (
    <section className="offers">
      <h2>
        {t('desk.offers')}{' '}
        <span className="muted" data-testid="offer-count">
          ({requests.filter((request) => request.status === 'OFFERED').length})
        </span>
      </h2>
      <ErrorMessage error={error} />
      {!fetching && requests.length === 0 && <p>{t('desk.noOffers')}</p>}
      {requests.map((request) => (
        <OfferCard key={request.id} request={request} />
      ))}
    </section>
  );
}
