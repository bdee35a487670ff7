import { useMemo, useState } from 'react';
import { type CombinedError, useQuery } from 'urql';
import { WORKLIST } from '../api/documents';
import { useLiveReread } from '../api/use-live-reread';
import type { PlacementRequest, PlacingAuthority, ProfileSummary, RequestListRow } from '../api/types';

/** A worklist row as WORKLIST reads it (WorklistFields and SummaryFields). */
export type WorklistRequest = RequestListRow &
  Pick<PlacementRequest, 'escalated' | 'nextAttemptAt'> & {
    profileSummary: ProfileSummary | null;
    waitingForAuthorityOpensAt: string | null;
  };

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
    () => ({
      filter: { authority, status: ['WAITING'], ...(regionCode ? { regionCodes: [regionCode] } : {}) },
      first,
    }),
    [authority, regionCode, first],
  );
  const [{ data, error, fetching }, reread] = useQuery<{
    placementRequests: { totalCount: number; pageInfo: { hasNextPage: boolean }; edges: { node: WorklistRequest }[] };
  }>({ query: WORKLIST, variables, requestPolicy: 'cache-and-network' });

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
