import { createContext, useContext, useSyncExternalStore } from 'react';

export type ConnectionState = 'connecting' | 'live' | 'offline';

/** The subscription socket's state, so screens can say whether what they show is live. */
export class ConnectionStatus {
  private state: ConnectionState = 'connecting';
  private readonly listeners = new Set<() => void>();

  set(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    this.listeners.forEach((listener) => listener());
  }

  readonly get = (): ConnectionState => this.state;

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
