import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { PlacementRequest } from '../api/types';
import { mayLeave } from './leave-guard';
import { pathOf, type Route, routeFromPath, type Screen } from './navigation';

/** A route, and for a case just submitted the request as the mutation answered (shown at once, then kept live). */
export type ShownRoute = Route & { initial?: PlacementRequest };

/**
 * The current screen, kept in the address (`/beds`, `/desk`…, one case at `/aanvraag/<id>`) so a
 * reload, a re-login or a shared link lands on the same place; the API answers every such path
 * with the console (SPA fallback).
 */
export function useScreen(
  allowed: Screen[],
): [
  ShownRoute,
  (screen: Screen) => void,
  (caseId: string, initial?: PlacementRequest) => void,
  (requestId: string | null) => void,
] {
  const [route, setRoute] = useState<ShownRoute>(() => routeFromPath(location.pathname, allowed) ?? { screen: allowed[0] });
  useEffect(() => {
    const onPop = () => {
      // The back button moved the address already: put it back when the person stays.
      if (!mayLeave()) {
        history.pushState(null, '', pathOf(route));
        return;
      }
      setRoute(routeFromPath(location.pathname, allowed) ?? { screen: allowed[0] });
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [allowed, route]);
  useEffect(() => {
    const path = pathOf(route);
    if (location.pathname !== path) history.replaceState(null, '', path);
  }, [route]);
  const go = useCallback((next: Screen) => {
    // Unsaved work on this screen (the desk's steps) is not dropped without asking.
    if (!mayLeave()) return;
    history.pushState(null, '', `/${next}`);
    setRoute({ screen: next });
  }, []);
  const openCase = useCallback((caseId: string, initial?: PlacementRequest) => {
    if (!mayLeave()) return;
    const next: ShownRoute = { screen: 'cases', caseId, ...(initial ? { initial } : {}) };
    history.pushState(null, '', pathOf(next));
    setRoute(next);
  }, []);
  // Choosing another request on the worklist loses nothing typed that matters (the panel is per request).
  const selectOnWorklist = useCallback((requestId: string | null) => {
    const next: ShownRoute = requestId ? { screen: 'worklist', requestId } : { screen: 'worklist' };
    if (location.pathname !== pathOf(next)) history.pushState(null, '', pathOf(next));
    setRoute(next);
  }, []);
  return [route, go, openCase, selectOnWorklist];
}

/** Moving between screens and cases from inside a screen (the request form opens its case once submitted). */
export interface Navigation {
  go(screen: Screen): void;
  openCase(caseId: string, initial?: PlacementRequest): void;
  /** The request decided on the worklist, in the address (null: none chosen). */
  selectOnWorklist(requestId: string | null): void;
}

export const NavigationContext = createContext<Navigation>({
  go: () => undefined,
  openCase: () => undefined,
  selectOnWorklist: () => undefined,
});

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}
