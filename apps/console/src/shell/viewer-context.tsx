import { createContext, useContext } from 'react';
import type { Viewer } from '../api/types';

/** The caller as `me` describes them, plus the token for the few plain-HTTP calls (CSV). */
export interface Session {
  viewer: Viewer;
  token: () => string | null;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the shell');
  return session;
}
