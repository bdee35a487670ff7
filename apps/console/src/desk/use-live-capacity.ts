import { useEffect, useRef, useState } from 'react';
import { useSubscription } from 'urql';
import { useConnectionState } from '../api/connection';
import { CapacityChangedDocument } from '../api/generated';
import type { Facility } from '../api/types';

/**
 * The desk's facilities as `capacityChanged` reports them (a colleague's save, an offer holding a
 * place, an arrival), newest version per facility, so a card shows counts changed elsewhere
 * without a reload. `resync` grows each time the socket comes back after a drop: events sent
 * while it was down are lost, so the cards read their counts again then.
 */
export function useLiveCapacity(facilityIds: readonly string[]): { live: ReadonlyMap<string, Facility>; resync: number } {
  const [live, setLive] = useState<ReadonlyMap<string, Facility>>(new Map());
  useSubscription({ query: CapacityChangedDocument, variables: {} }, (_previous, event) => {
    const facility = event.capacityChanged;
    // The feed carries every facility this person may follow; the desk keeps its own.
    if (facilityIds.includes(facility.id)) {
      setLive((current) => {
        const known = current.get(facility.id);
        const older = (known?.capacity?.version ?? -1) > (facility.capacity?.version ?? -1);
        return older ? current : new Map(current).set(facility.id, facility);
      });
    }
    return event;
  });

  const connection = useConnectionState();
  const wasDown = useRef(false);
  const [resync, setResync] = useState(0);
  useEffect(() => {
    if (connection === 'offline') wasDown.current = true;
    if (connection === 'live' && wasDown.current) {
      wasDown.current = false;
      setResync((count) => count + 1);
    }
  }, [connection]);
  return { live, resync };
}
