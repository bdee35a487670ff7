import { useCallback, useEffect, useRef } from 'react';
import { type CombinedError, useSubscription } from 'urql';
import { PlacementRequestUpdatedDocument } from './generated';

/** Events come in bursts (a match writes a request several times): one re-read per burst. */
const BURST_MS = 250;

/**
 * Re-reads once per burst of events (call the returned function on each event), and every
 * `everyMs` besides, for what no event brings (changes while the socket was down).
 */
export function useBurstReread(reread: () => void, everyMs: number): () => void {
  const rereadRef = useRef(reread);
  useEffect(() => {
    rereadRef.current = reread;
  }, [reread]);
  const burst = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(burst.current), []);
  useEffect(() => {
    const timer = setInterval(() => rereadRef.current(), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return useCallback(() => {
    if (burst.current !== undefined) return;
    burst.current = setTimeout(() => {
      burst.current = undefined;
      rereadRef.current();
    }, BURST_MS);
  }, []);
}

/**
 * Keeps a list query live: re-reads it (network-only) once per burst of `placementRequestUpdated`
 * events, and every `everyMs` besides (useBurstReread). Returns the subscription's error, for the
 * list to show.
 */
export function useLiveReread(
  reread: (options: { requestPolicy: 'network-only' }) => void,
  everyMs: number,
): CombinedError | undefined {
  const onEvent = useBurstReread(
    useCallback(() => reread({ requestPolicy: 'network-only' }), [reread]),
    everyMs,
  );
  const [{ error }] = useSubscription({ query: PlacementRequestUpdatedDocument, variables: {} }, (_previous, event) => {
    onEvent();
    return event;
  });
  return error;
}
