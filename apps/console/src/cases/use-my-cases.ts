import { useCallback, useEffect, useRef, useState } from 'react';
import { type CombinedError, type OperationResult, useClient, useSubscription } from 'urql';
import {
  type CaseRowFieldsFragment,
  CaseRowUpdatedDocument,
  MyCasesDocument,
  type MyCasesQuery,
  type PlacementRequestFilter,
} from '../api/generated';
import { useBurstReread } from '../api/use-live-reread';
import type { PlacementRequest, PlacementStatus, Urgency } from '../api/types';

/**
 * What a row of "Mijn aanvragen" shows (CaseRowFields); the profile is not asked for, nor the facility's
 * address and intake line (the case's own page has the rest).
 */
export type CaseRow = CaseRowFieldsFragment;

export const OPEN_STATUSES: PlacementStatus[] = ['RECEIVED', 'MATCHING', 'WAITING', 'OFFERED', 'ACCEPTED'];
/** The API's largest page, and how many pages are read at most (1,000 requests). */
const PAGE = 200;
const MAX_PAGES = 5;
/** A slow re-read besides the subscription: covers changes made while the socket was down. */
const REREAD_MS = 30_000;

/** The copy that has seen more of the request's history (history only grows). */
function newer<T extends Pick<PlacementRequest, 'history'>>(a: T, b: T): T {
  return b.history.length >= a.history.length ? b : a;
}

/** Which of the requests this person may see: the API filters them (none given: all). */
export interface CaseFilter {
  statuses: PlacementStatus[];
  urgency: Urgency | null;
  /** Only the requests this person submitted (their token subject). */
  mine: boolean;
}

/**
 * The requests this person may see (the API scopes them by role: the police their organisation's,
 * a zorgcoördinator their regions', …) that fit `filter`, newest first, kept live.
 *
 * The API filters and orders them; at most 1,000 are read (`complete` says whether that was all).
 * An event for a listed request changes its row at once (the status is live without waiting for a
 * re-read); any event also re-reads the list, which brings in new requests and drops those that no
 * longer fit the filter.
 */
export function useMyCases({ statuses, urgency, mine }: CaseFilter): {
  cases: CaseRow[];
  complete: boolean;
  fetching: boolean;
  error: CombinedError | undefined;
} {
  const client = useClient();
  const [loaded, setLoaded] = useState<{ key: string; cases: CaseRow[]; complete: boolean } | null>(null);
  const [error, setError] = useState<CombinedError | undefined>(undefined);
  const key = JSON.stringify({ statuses, urgency, mine });
  const generation = useRef(0);

  const read = useCallback(async () => {
    const thisRead = ++generation.current;
    const asked = JSON.parse(key) as CaseFilter;
    const filter: PlacementRequestFilter = {
      order: 'NEWEST_FIRST',
      ...(asked.statuses.length ? { status: asked.statuses } : {}),
      ...(asked.urgency ? { urgency: [asked.urgency] } : {}),
      ...(asked.mine ? { mine: true } : {}),
    };
    const rows: CaseRow[] = [];
    let after: string | null = null;
    let complete = false;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result: OperationResult<MyCasesQuery> = await client
        .query(MyCasesDocument, { filter, first: PAGE, after }, { requestPolicy: 'network-only' })
        .toPromise();
      if (thisRead !== generation.current) return; // a newer read (another filter) has started
      if (result.error || !result.data) {
        setError(result.error);
        return;
      }
      const connection = result.data.placementRequests;
      rows.push(...connection.edges.map((edge) => edge.node));
      if (!connection.pageInfo.hasNextPage) {
        complete = true;
        break;
      }
      after = connection.pageInfo.endCursor;
    }
    setError(undefined);
    setLoaded({ key, cases: rows, complete });
  }, [client, key]);

  useEffect(() => {
    // Asynchronous anyway (every state change waits for the API): read after this render.
    void Promise.resolve().then(read);
  }, [read]);

  const onEvent = useBurstReread(
    useCallback(() => void read(), [read]),
    REREAD_MS,
  );
  const [{ data: lastEvent, error: subscriptionError }] = useSubscription(
    { query: CaseRowUpdatedDocument },
    (previous: Map<string, CaseRow> | undefined, event) => {
      onEvent();
      const latest = new Map(previous);
      const update = event.placementRequestUpdated;
      const before = latest.get(update.id);
      latest.set(update.id, before ? newer(before, update) : update);
      return latest;
    },
  );

  const current = loaded && loaded.key === key ? loaded : null;
  const cases = (current?.cases ?? []).map((row) => {
    const update = lastEvent?.get(row.id);
    return update ? newer<CaseRow>(row, update) : row;
  });
  return {
    cases,
    complete: current?.complete ?? true,
    fetching: current === null,
    error: error ?? subscriptionError,
  };
}
