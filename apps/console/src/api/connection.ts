import { createContext, useContext, useSyncExternalStore } from 'react';

export type ConnectionState = 'connecting' | 'live' | 'offline';

/** The subscription socket's state, so screens can say whether what they show is live. */
export class ConnectionStatus {
  private state: ConnectionState = 'connecting';
  /**
   * When the socket last stopped being live (epoch ms), or was created: while it is down, since when
   * nothing has arrived live. Reconnect attempts (offline → connecting) do not move it.
   */
  private leftLiveAt = Date.now();
  private readonly listeners = new Set<() => void>();

  set(state: ConnectionState): void {
    if (state === this.state) return;
    if (this.state === 'live') this.leftLiveAt = Date.now();
    this.state = state;
    this.listeners.forEach((listener) => listener());
  }

  readonly get = (): ConnectionState => this.state;

  readonly notLiveSince = (): number => this.leftLiveAt;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export const ConnectionContext = createContext<ConnectionStatus>(new ConnectionStatus());

export function useConnectionState(): ConnectionState {
  const status = useContext(ConnectionContext);
  return useSyncExternalStore(status.subscribe, status.get);
}

/**
 * Null while the socket is live; otherwise since when it has not been: the last moment the screen
 * knew its figures current (a socket that never came up: since the console opened it).
 */
export function useNotLiveSince(): Date | null {
  const status = useContext(ConnectionContext);
  const state = useSyncExternalStore(status.subscribe, status.get);
  const since = useSyncExternalStore(status.subscribe, status.notLiveSince);
  return state === 'live' ? null : new Date(since);
}
