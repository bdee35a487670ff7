import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { CombinedError } from 'urql';
import { hasCode } from '../api/errors';

function subscribe(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** Whether the device says it has a network (a dropped connection is also seen as a failed request). */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, () => navigator.onLine);
}

/**
 * `error`, until the device is back online after it: "Geen verbinding met de server" is about the
 * moment it was said, and staying on screen once the connection is back reads as still offline.
 * Other errors stay (the next call replaces them, as it replaces this one when it succeeds).
 */
export function useUntilBackOnline(error: CombinedError | undefined | null): CombinedError | undefined {
  const [cleared, setCleared] = useState<CombinedError | null>(null);
  const shown = useRef(error);
  useEffect(() => {
    shown.current = error;
  }, [error]);
  useEffect(() => {
    // Only the moment the device comes back counts, not every new error while online.
    const onBack = () => {
      if (shown.current && hasCode(shown.current, 'NETWORK')) setCleared(shown.current);
    };
    window.addEventListener('online', onBack);
    return () => window.removeEventListener('online', onBack);
  }, []);
  return error && error !== cleared ? error : undefined;
}
