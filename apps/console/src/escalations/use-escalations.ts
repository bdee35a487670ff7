import { useMemo, useState } from 'react';
import { type CombinedError, useQuery } from 'urql';
import { EscalationsDocument, type EscalationsQuery, type EscalationsQueryVariables } from '../api/generated';
import { useLiveReread } from '../api/use-live-reread';
import { OPEN_STATUSES } from '../cases/use-my-cases';
import { escalationOrder } from './escalation-order';

/** An escalation list row as EscalationsDocument reads it. */
export type EscalatedRequest = EscalationsQuery['placementRequests']['edges'][number]['node'];

const PAGE = 100;
/**
 * A re-read besides the subscription: an acknowledgement changes no request (no event says it),
 * and changes made while the socket was down are caught up.
 */
const REREAD_MS = 15_000;

/**
 * The escalated requests still without a place that this viewer may see (the API scopes them: a
 * coordinator's regions, CoMensha the country), in `regionCode` when chosen, most urgent and longest
 * waiting first, kept current: every `placementRequestUpdated` re-reads the list (a request
 * escalates, or is placed and leaves it).
 */
export function useEscalations(regionCode: string): {
  requests: EscalatedRequest[];
  totalCount: number;
  hasMore: boolean;
  showMore(): void;
  fetching: boolean;
  error: CombinedError | undefined;
} {
  const [first, setFirst] = useState(PAGE);
  const variables = useMemo(
    (): EscalationsQueryVariables => ({
      filter: { escalated: true, status: OPEN_STATUSES, ...(regionCode ? { regionCodes: [regionCode] } : {}) },
      first,
    }),
    [regionCode, first],
  );
  const [{ data, error, fetching }, reread] = useQuery({
    query: EscalationsDocument,
    variables,
    requestPolicy: 'cache-and-network',
  });

  const subscriptionError = useLiveReread(reread, REREAD_MS);

  const connection = data?.placementRequests;
  const requests = useMemo(() => [...(connection?.edges.map((edge) => edge.node) ?? [])].sort(escalationOrder), [connection]);
  return {
    requests,
    totalCount: connection?.totalCount ?? 0,
    hasMore: connection?.pageInfo.hasNextPage ?? false,
    showMore: () => setFirst((count) => Math.min(count + PAGE, 200)),
    fetching,
    error: error ?? subscriptionError,
  };
}
