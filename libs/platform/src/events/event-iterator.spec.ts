import { type EventBus, EventChannel, type EventHandler, EventStreamInterruptedError } from './event-bus';
import { eventIterator } from './event-iterator';

/** A bus in memory: the test sends events and interrupts it by hand. */
function fakeBus() {
  const state = {
    handler: undefined as EventHandler | undefined,
    interrupt: undefined as ((reason: string) => void) | undefined,
    stopped: 0,
  };
  const bus: EventBus = {
    publish: async () => undefined,
    subscribe: async (_channel, handler, options) => {
      state.handler = handler;
      state.interrupt = options?.onInterrupted;
      return async () => {
        state.stopped += 1;
      };
    },
    close: async () => undefined,
  };
  return { bus, state };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('eventIterator when the bus is interrupted (issue 15, F3)', () => {
  it('gives what was already mapped, then fails with EventStreamInterruptedError and unsubscribes', async () => {
    const { bus, state } = fakeBus();
    const iterator = eventIterator(bus, EventChannel.PlacementRequestUpdated, async (payload) => payload as number);
    const first = iterator.next();
    await settle();
    state.handler!(1);
    expect(await first).toEqual({ value: 1, done: false });
    state.handler!(2);
    await settle();
    state.interrupt!('the connection to Redis was lost');
    await settle();
    expect(await iterator.next()).toEqual({ value: 2, done: false });
    await expect(iterator.next()).rejects.toBeInstanceOf(EventStreamInterruptedError);
    expect(state.stopped).toBe(1);
  });

  it('fails a next that was already waiting', async () => {
    const { bus, state } = fakeBus();
    const iterator = eventIterator(bus, EventChannel.CapacityChanged, async (payload) => payload as number);
    const waiting = iterator.next();
    await settle();
    state.interrupt!('Redis did not answer');
    await expect(waiting).rejects.toThrow(/live updates were interrupted \(Redis did not answer\)/);
    expect(state.stopped).toBe(1);
  });

  it('is not told of an interruption after its client went away', async () => {
    const { bus, state } = fakeBus();
    const iterator = eventIterator(bus, EventChannel.CapacityChanged, async (payload) => payload as number);
    await iterator.return!();
    state.interrupt?.('late');
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    expect(state.stopped).toBe(1);
  });
});
