import { useCallback, useEffect, useState } from 'react';
import { mayLeave } from './leave-guard';
import { type Screen, screenFromPath } from './navigation';

/**
 * The current screen, kept in the address (`/beds`, `/desk`…) so a reload or a shared link lands
 * on the same screen; the API answers every such path with the console (SPA fallback).
 */
export function useScreen(allowed: Screen[]): [Screen, (screen: Screen) => void] {
  const [screen, setScreen] = useState<Screen>(() => screenFromPath(location.pathname, allowed) ?? allowed[0]);
  useEffect(() => {
    const onPop = () => {
      // The back button moved the address already: put it back when the person stays.
      if (!mayLeave()) {
        history.pushState(null, '', `/${screen}`);
        return;
      }
      setScreen(screenFromPath(location.pathname, allowed) ?? allowed[0]);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [allowed, screen]);
  useEffect(() => {
    if (location.pathname !== `/${screen}`) history.replaceState(null, '', `/${screen}`);
  }, [screen]);
  const go = useCallback((next: Screen) => {
    // Unsaved work on this screen (the desk's steps) is not dropped without asking.
    if (!mayLeave()) return;
    history.pushState(null, '', `/${next}`);
    setScreen(next);
  }, []);
  return [screen, go];
}
