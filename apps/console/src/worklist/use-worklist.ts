import { useMemo, useState } from 'react';
import { type CombinedError, useQuery } from 'urql';
import { WorklistDocument, type WorklistQuery, type WorklistQueryVariables } from '../api/generated';
import { useLiveReread } from '../api/use-live-reread';
import type { PlacingAuthority } from '../api/types';

/** A worklist row as WorklistDocument reads it (WorklistFields and SummaryFields). */
export type WorklistRequest = WorklistQuery['placementRequests']['edges'][number]['node'];

const PAGE = 50;
/** A slow re-read besides the subscription: covers changes made while the socket was down. */
const REREAD_MS = 30_000;

/**
 * The requests waiting for `authority` (the API scopes which ones this viewer sees), oldest first,
 * kept current: every `placementRequestUpdated` the viewer may see can add one to the list or take
 * one off it, so it triggers a re-read; a slow re-read is the safety net.
 */
export function useWorklist(
  authority: PlacingAuthority,
  regionCode: string,
): {
  requests: WorklistRequest[];
  totalCount: number;
  hasMore: boolean;
  showMore(): void;
  fetching: boolean;
  error: CombinedError | undefined;
} {
  const [first, setFirst] = useState(PAGE);
  const variables = useMemo(
    (): WorklistQueryVariables => ({
      filter: { authority, status: ['WAITING'], ...(regionCode ? { regionCodes: [regionCode] } : {}) },
      first,
    }),
    [authority, regionCode, first],
  );
  const [{ data, error, fetching }, reread] = useQuery({
    query: WorklistDocument,
    variables,
    requestPolicy: 'cache-and-network',
  });

  const subscriptionError = useLiveReread(reread, REREAD_MS);

  const connection = data?.placementRequests;
  return {
    requests: connection?.edges.map((edge) => edge.node) ?? [],
    totalCount: connection?.totalCount ?? 0,
    hasMore: connection?.pageInfo.hasNextPage ?? false,
    showMore: () => setFirst((count) => Math.min(count + PAGE, 200)),
    fetching,
    error: error ?? subscriptionError,
  };
}
