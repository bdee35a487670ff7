import { useEffect, useMemo, useRef, useState } from 'react';
import { type CombinedError, useQuery, useSubscription } from 'urql';
import { PLACEMENT_REQUEST_UPDATED, WORKLIST } from '../api/documents';
import type { PlacementRequest, PlacingAuthority, ProfileSummary } from '../api/types';

/** A worklist row as WORKLIST reads it (WorklistFields and SummaryFields). */
export type WorklistRequest = Pick<
  PlacementRequest,
  | 'id'
  | 'status'
  | 'urgency'
  | 'regionCode'
  | 'groupSize'
  | 'createdAt'
  | 'waitingReason'
  | 'waitingForAuthority'
  | 'waitingForOrganisation'
  | 'escalated'
  | 'nextAttemptAt'
> & { profileSummary: ProfileSummary | null; waitingForAuthorityOpensAt: string | null };

const PAGE = 50;
/** A slow re-read besides the subscription: covers changes made while the socket was down. */
const REREAD_MS = 30_000;
/** Events come in bursts (a match writes a request several times): one re-read per burst. */
const BURST_MS = 250;

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

  const rereadRef = useRef(reread);
  useEffect(() => {
    rereadRef.current = reread;
  }, [reread]);
  const burst = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(burst.current), []);
  const [{ error: subscriptionError }] = useSubscription<{ placementRequestUpdated: PlacementRequest }>(
    { query: PLACEMENT_REQUEST_UPDATED, variables: {} },
    (_previous, event) => {
      if (burst.current === undefined) {
        burst.current = setTimeout(() => {
          burst.current = undefined;
          rereadRef.current({ requestPolicy: 'network-only' });
        }, BURST_MS);
      }
      return event;
    },
  );
  useEffect(() => {
    const timer = setInterval(() => rereadRef.current({ requestPolicy: 'network-only' }), REREAD_MS);
    return () => clearInterval(timer);
  }, []);

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
