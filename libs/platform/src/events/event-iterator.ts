import { EventBus, EventChannel } from './event-bus';

/**
 * Adapts an event subscription to the AsyncIterableIterator a GraphQL subscription resolver returns.
 * `map` turns an event into the value sent to the client, or `undefined` to skip it (filtered out,
 * or not visible to this subscriber). Events are handled in arrival order. Unsubscribes when the
 * client goes away.
 */
export function eventIterator<T>(
  bus: EventBus,
  channel: EventChannel,
  map: (payload: unknown) => Promise<T | undefined>,
  options: {
    /**
     * Sent before any event: what a reconnecting subscriber missed, or the current state of what it
     * follows. Read once the subscription is active, so nothing between that read and the first
     * event is lost; events that arrive meanwhile wait behind it (map may skip what it already sent).
     */
    initial?: () => Promise<T[]>;
  } = {},
): AsyncIterableIterator<T> {
  const ready: T[] = [];
  const waiting: ((result: IteratorResult<T>) => void)[] = [];
  let chain = Promise.resolve();
  let done = false;

  const push = (value: T) => {
    const next = waiting.shift();
    if (next) next({ value, done: false });
    else ready.push(value);
  };

  const unsubscribe = bus.subscribe(channel, (payload) => {
    chain = chain.then(async () => {
      const value = await map(payload).catch(() => undefined);
      if (value === undefined || done) return;
      push(value);
    });
  });
  const { initial } = options;
  if (initial) {
    chain = unsubscribe.then(
      async () => {
        const values = await initial().catch(() => []);
        if (!done) values.forEach(push);
      },
      () => undefined,
    );
  }

  const finish = async (): Promise<IteratorResult<T>> => {
    if (!done) {
      done = true;
      for (const resolve of waiting.splice(0)) resolve({ value: undefined, done: true });
      await (
        await unsubscribe
      )();
    }
    return { value: undefined, done: true };
  };

  return {
    async next() {
      await unsubscribe; // subscribed before the first event can be awaited
      if (ready.length > 0) return { value: ready.shift()!, done: false };
      if (done) return { value: undefined, done: true };
      return new Promise((resolve) => waiting.push(resolve));
    },
    return: finish,
    throw: async (error) => {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
