import { useQuery, useSubscription } from 'urql';
import { DeskRequestsDocument, type DeskRequestsQueryVariables, PlacementRequestUpdatedDocument } from '../api/generated';
import { ErrorMessage } from '../components/error-message';
import { placesWords } from '../i18n/api-words';
import { useI18n } from '../i18n/i18n';
import { countdownWords } from '../i18n/time-words';
import { type DeskRequest, OfferCard } from './offer-card';
import { type NewOffer, useOfferAlerts } from './use-offer-alerts';
import { facilityName } from '../components/facility-name';

const DESK_FILTER: DeskRequestsQueryVariables = { filter: { status: ['OFFERED', 'ACCEPTED'] } };

/** Open offers first, the one that lapses soonest on top; then those accepted, waiting for her arrival. */
function deskOrder(a: DeskRequest, b: DeskRequest): number {
  const open = (request: DeskRequest) => (request.status === 'OFFERED' ? 0 : 1);
  const lapses = (request: DeskRequest) => Date.parse(request.offerExpiresAt ?? '') || Number.MAX_SAFE_INTEGER;
  return open(a) - open(b) || lapses(a) - lapses(b);
}

/**
 * Offers to this shelter (the API shows staff only their own facilities' requests), pinned at the
 * top of the desk and re-read when any request they may see changes, so a new offer appears without
 * a reload — with a count in the tab title, a chime, a vibration and a notification (use-offer-alerts).
 */
export function OfferList() {
  const i18n = useI18n();
  const { t, f, label } = i18n;
  const [{ data, error, fetching }, reread] = useQuery({
    query: DeskRequestsDocument,
    variables: DESK_FILTER,
    requestPolicy: 'cache-and-network',
  });
  useSubscription({ query: PlacementRequestUpdatedDocument, variables: {} }, (_previous, event) => {
    reread({ requestPolicy: 'network-only' });
    return event;
  });
  const requests = [...(data?.placementRequests.edges.map((edge) => edge.node) ?? [])].sort(deskOrder);
  const open = requests.filter((request) => request.status === 'OFFERED');
  const alerts: NewOffer[] | null = data
    ? open.map((request) => {
        const facility = request.facility ? facilityName(i18n, request.facility) : '—';
        return {
          id: request.id,
          title: f('offers.notificationTitle', { facility }),
          body: f('offers.notificationBody', {
            places: placesWords(i18n, request.groupSize),
            urgency: label('urgency', request.urgency),
            left: request.offerExpiresAt ? countdownWords(i18n, request.offerExpiresAt).text : '',
          }),
        };
      })
    : null;
  const { permission, enable, fresh, announcement } = useOfferAlerts(alerts);

  return (
    <section className="offers pinned" aria-labelledby="offers-heading">
      <h2 id="offers-heading">
        {t('desk.offers')}{' '}
        <span className="muted" data-testid="offer-count">
          ({open.length})
        </span>
      </h2>
      <div className="alert-settings">
        {permission === 'default' && (
          <button type="button" onClick={() => void enable()} data-testid="enable-alerts">
            {t('offers.enableAlerts')}
          </button>
        )}
        {permission === 'granted' && <p className="hint">{t('offers.alertsOn')}</p>}
        {permission === 'denied' && <p className="hint">{t('offers.alertsBlocked')}</p>}
        {permission === 'unsupported' && <p className="hint">{t('offers.alertsUnsupported')}</p>}
        {permission !== 'granted' && <p className="hint">{t('offers.soundHint')}</p>}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <ErrorMessage error={error} />
      {!fetching && requests.length === 0 && <p>{t('desk.noOffers')}</p>}
      {requests.map((request) => (
        <OfferCard key={request.id} request={request} fresh={fresh.has(request.id)} />
      ))}
    </section>
  );
}
