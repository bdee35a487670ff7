import { EventBus, EventChannel, EventStreamInterruptedError } from './event-bus';

/**
 * Adapts an event subscription to the AsyncIterableIterator a GraphQL subscription resolver returns.
 * `map` turns an event into the value sent to the client, or `undefined` to skip it (filtered out,
 * or not visible to this subscriber). Events are handled in arrival order. Unsubscribes when the
 * client goes away. When the bus is interrupted (events may have been lost), the values already
 * mapped are still given, then the iterator fails with EventStreamInterruptedError: its client
 * resumes from the last value it received (issue 15, F3).
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
  /** The reject of each waiting `next`, in the same order as `waiting`. */
  const failing: ((error: Error) => void)[] = [];
  let chain = Promise.resolve();
  let done = false;
  let interrupted: EventStreamInterruptedError | undefined;

  const push = (value: T) => {
    const next = waiting.shift();
    failing.shift();
    if (next) next({ value, done: false });
    else ready.push(value);
  };

  const unsubscribe = bus.subscribe(
    channel,
    (payload) => {
      chain = chain.then(async () => {
        const value = await map(payload).catch(() => undefined);
        if (value === undefined || done || interrupted) return;
        push(value);
      });
    },
    {
      onInterrupted: (reason) => {
        if (done) return;
        interrupted = new EventStreamInterruptedError(reason);
        for (const reject of failing.splice(0)) reject(interrupted);
        waiting.splice(0);
        // A failed `next` is not followed by `return`: unsubscribe here.
        void finish();
      },
    },
  );
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
      failing.splice(0);
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
      if (interrupted) throw interrupted;
      if (done) return { value: undefined, done: true };
      return new Promise((resolve, reject) => {
        waiting.push(resolve);
        failing.push(reject);
      });
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
