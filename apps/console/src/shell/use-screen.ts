import { useCallback, useEffect, useState } from 'react';
import { type Screen, screenFromPath } from './navigation';

/**
 * The current screen, kept in the address (`/beds`, `/desk`…) so a reload or a shared link lands
 * on the same screen; the API answers every such path with the console (SPA fallback).
 */
export function useScreen(allowed: Screen[]): [Screen, (screen: Screen) => void] {
  const [screen, setScreen] = useState<Screen>(() => screenFromPath(location.pathname, allowed) ?? allowed[0]);
  useEffect(() => {
    const onPop = () => setScreen(screenFromPath(location.pathname, allowed) ?? allowed[0]);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [allowed]);
  useEffect(() => {
    if (location.pathname !== `/${screen}`) history.replaceState(null, '', `/${screen}`);
  }, [screen]);
  const go = useCallback((next: Screen) => {
    history.pushState(null, '', `/${next}`);
    setScreen(next);
  }, []);
  return [screen, go];
}
