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
