/**
 * Events between processes (several API and worker processes share one database). A process
 * publishes a small message (ids, never personal data or secret addresses); every process with a
 * subscriber receives it and re-reads what it needs with the subscriber's own permissions.
 */
export type EventHandler = (payload: unknown) => void;

export interface EventBus {
  publish(channel: EventChannel, payload: object): Promise<void>;
  /** Returns the function that stops this subscription. */
  subscribe(channel: EventChannel, handler: EventHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Every channel in one list, so a typo is a type error rather than a silent dead channel. */
export enum EventChannel {
  CapacityChanged = 'capacity_changed',
  PlacementRequestUpdated = 'placement_request_updated',
}

export const EVENT_BUS = Symbol('EVENT_BUS');

/** Keeps track of local handlers per channel so a transport needs one upstream subscription a channel. */
export class LocalFanOut {
  private readonly handlers = new Map<string, Set<EventHandler>>();

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

  deliver(channel: string, raw: string): void {
    let payload: unknown;
    try {
      payload = JSON.parse(raw);
    } catch {
      return; // not ours: every message we publish is JSON
    }
    for (const handler of this.handlers.get(channel) ?? []) handler(payload);
  }
}
