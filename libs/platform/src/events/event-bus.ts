/**
 * Events between processes (several API and worker processes share one database). A process
 * publishes a small message (ids, never personal data or secret addresses); every process with a
 * subscriber receives it and re-reads what it needs with the subscriber's own permissions.
 */
export type EventHandler = (payload: unknown) => void;

export interface EventSubscriptionOptions {
  /**
   * Told, at most once, that this subscription may have missed events: the bus lost its connection
   * (or found it dead). The subscription is then over for its subscriber, who should stop it and
   * start again from what it last saw (issue 15, F3: a GraphQL subscriber learns it must resume).
   * A subscription without it keeps its handler across the outage and simply misses what was sent.
   */
  onInterrupted?: (reason: string) => void;
}

export interface EventBus {
  publish(channel: EventChannel, payload: object): Promise<void>;
  /**
   * Resolves once events on `channel` reach `handler` (after an outage: once the bus is back).
   * Returns the function that stops this subscription.
   */
  subscribe(channel: EventChannel, handler: EventHandler, options?: EventSubscriptionOptions): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * Ends an event stream whose bus was interrupted: events may have been lost, so its subscriber must
 * subscribe again and catch up (`after`, `current`). The WebSocket server closes the socket with
 * 1013 (try again later) on it, which graphql-ws clients answer by reconnecting and resubscribing.
 */
export class EventStreamInterruptedError extends Error {
  constructor(reason: string) {
    super(`live updates were interrupted (${reason}); subscribe again to catch up`);
    this.name = 'EventStreamInterruptedError';
  }
}

/** The subscriptions to tell when a bus is interrupted; each is told once, then forgotten. */
export class InterruptionListeners {
  private readonly listeners = new Set<(reason: string) => void>();

  /** Returns the function that forgets this listener (the subscription stopped first). */
  add(listener: ((reason: string) => void) | undefined): () => void {
    if (!listener) return () => undefined;
    const once = (reason: string) => listener(reason);
    this.listeners.add(once);
    return () => this.listeners.delete(once);
  }

  /** Tells every listener, and forgets them all; returns how many were told. */
  interrupt(reason: string): number {
    const told = [...this.listeners];
    this.listeners.clear();
    for (const listener of told) listener(reason);
    return told.length;
  }
}

/** Every channel in one list, so a typo is a type error rather than a silent dead channel. */
export enum EventChannel {
  CapacityChanged = 'capacity_changed',
  PlacementRequestUpdated = 'placement_request_updated',
}

export const EVENT_BUS = Symbol('EVENT_BUS');

/** Told, once per message a process receives, how long it took from publish to here. */
export type EventLagObserver = (channel: EventChannel | 'other', seconds: number) => void;

/** A message as it travels: the payload, stamped with when it was sent (for the lag metric). */
export function encodeEvent(payload: object): string {
  return JSON.stringify({ ...payload, sentAt: Date.now() });
}

function logicalChannel(transportChannel: string): EventChannel | 'other' {
  return Object.values(EventChannel).find((channel) => transportChannel.endsWith(channel)) ?? 'other';
}

/** Keeps track of local handlers per channel so a transport needs one upstream subscription a channel. */
export class LocalFanOut {
  private readonly handlers = new Map<string, Set<EventHandler>>();

  constructor(private readonly observeLag?: EventLagObserver) {}

  add(channel: string, handler: EventHandler): { first: boolean } {
    let set = this.handlers.get(channel);
    const first = !set;
    if (!set) this.handlers.set(channel, (set = new Set()));
    set.add(handler);
    return { first };
  }

  remove(channel: string, handler: EventHandler): { last: boolean } {
    const set = this.handlers.get(channel);
    if (!set) return { last: false };
    set.delete(handler);
    if (set.size > 0) return { last: false };
    this.handlers.delete(channel);
    return { last: true };
  }

  /** Every channel with a local handler (to subscribe again after a reconnect). */
  channels(): string[] {
    return [...this.handlers.keys()];
  }

  deliver(channel: string, raw: string): void {
    let payload: unknown;
    try {
      payload = JSON.parse(raw);
    } catch {
      return; // not ours: every message we publish is JSON
    }
    const sentAt = (payload as { sentAt?: unknown } | null)?.sentAt;
    if (this.observeLag && typeof sentAt === 'number')
      this.observeLag(logicalChannel(channel), Math.max(0, Date.now() - sentAt) / 1000);
    for (const handler of this.handlers.get(channel) ?? []) handler(payload);
  }
}
