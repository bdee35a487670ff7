import { useEffect, useState } from 'react';
import type { Facility } from '../api/types';
import { type KeptBoard, keepBoard, keptBoard, viewerKey } from './kept-board';

/** While the board is live, its figures are known to be current: kept again this often. */
const KEEP_WHILE_LIVE_MS = 60_000;

/** This viewer's key for the kept board (kept-board.ts), worked out from the token once. */
export function useViewerKey(token: string | null): string | null {
  const [key, setKey] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    if (token) void viewerKey(token).then((found) => current && setKey(found));
    return () => {
      current = false;
    };
  }, [token]);
  return key;
}

/**
 * Keeps the board this viewer sees while it comes from the API (on every change, and every minute
 * while the live socket says nothing was missed, so "laatst bekend om" is when it was last known
 * to be right), and reads it back once the network is gone.
 */
export function useKeptBoard(
  key: string | null,
  board: { facilities: Facility[]; fromApi: boolean; live: boolean; offline: boolean },
): KeptBoard | null {
  const { facilities, fromApi, live, offline } = board;
  const [kept, setKept] = useState<KeptBoard | null>(null);

  useEffect(() => {
    if (!key || !fromApi || offline) return;
    const keep = () => void keepBoard(key, facilities).catch(() => undefined);
    keep();
    if (!live) return;
    const timer = setInterval(keep, KEEP_WHILE_LIVE_MS);
    return () => clearInterval(timer);
  }, [key, facilities, fromApi, live, offline]);

  useEffect(() => {
    let current = true;
    if (key && offline)
      void keptBoard(key).then(
        (found) => current && setKept(found),
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [key, offline]);

  // Back online, the live board is shown again (what was read while offline is not needed then).
  return offline ? kept : null;
}
