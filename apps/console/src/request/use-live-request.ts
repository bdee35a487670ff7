import { useContext, useEffect, useMemo } from 'react';
import { type CombinedError, useQuery, useSubscription } from 'urql';
import { PlacementRequestDocument, PlacementRequestUpdatedDocument } from '../api/generated';
import { ConnectionContext } from '../api/connection';
import type { PlacementRequest } from '../api/types';

const FINISHED = ['PLACED', 'ENDED', 'CANCELLED'];
/** A slow re-read besides the subscription: covers changes made before the socket was live, and reconnects. */
const REREAD_MS = 15_000;
/**
 * graphql-ws does not confirm a subscription: it is sent once the socket is live and the API
 * registers it a moment later. The re-read waits that moment, so nothing falls between the two.
 */
const SUBSCRIBED_SETTLE_MS = 300;

/** The copy that has seen more of the request's history (history only grows). */
function newer(a: PlacementRequest, b: PlacementRequest | null | undefined): PlacementRequest {
  return b && b.history.length >= a.history.length ? b : a;
}

/**
 * One request, kept live by `placementRequestUpdated`. Whichever copy has seen more of the
 * history (the answer of the mutation, a re-read, or an event) is the one shown.
 */
export function useLiveRequest(initial: PlacementRequest): { request: PlacementRequest; error: CombinedError | undefined } {
  const [{ data, error }, reread] = useQuery({
    query: PlacementRequestDocument,
    variables: { id: initial.id },
    requestPolicy: 'network-only',
  });
  const [{ data: lastEvent, error: subscriptionError }] = useSubscription(
    { query: PlacementRequestUpdatedDocument, variables: { id: initial.id } },
    (previous: PlacementRequest | undefined, event): PlacementRequest =>
      previous ? newer(previous, event.placementRequestUpdated) : event.placementRequestUpdated,
  );
  const request = newer(newer(initial, data?.placementRequest), lastEvent);

  // What happened between the submit (or the page's first read) and the subscription's start is
  // not sent again: read the request once the socket is live, and after every reconnect.
  const connection = useContext(ConnectionContext);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const rereadOnceSubscribed = () => {
      if (connection.get() !== 'live') return;
      clearTimeout(timer);
      timer = setTimeout(() => reread({ requestPolicy: 'network-only' }), SUBSCRIBED_SETTLE_MS);
    };
    rereadOnceSubscribed();
    const stop = connection.subscribe(rereadOnceSubscribed);
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [connection, reread]);

  const finished = FINISHED.includes(request.status);
  useEffect(() => {
    if (finished) return;
    const timer = setInterval(() => reread({ requestPolicy: 'network-only' }), REREAD_MS);
    return () => clearInterval(timer);
  }, [finished, reread]);

  return useMemo(() => ({ request, error: error ?? subscriptionError }), [request, error, subscriptionError]);
}
