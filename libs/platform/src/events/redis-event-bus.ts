import Redis from 'ioredis';
import { EventBus, EventChannel, EventHandler, LocalFanOut } from './event-bus';

/** Redis pub/sub: one connection publishes, one subscribes (a subscribed connection can do nothing else). */
export class RedisEventBus implements EventBus {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly fanOut = new LocalFanOut();

  constructor(
    url: string,
    private readonly namespace: string,
  ) {
    this.publisher = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
    this.subscriber = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: null });
    this.subscriber.on('message', (channel: string, message: string) => this.fanOut.deliver(channel, message));
  }

  private channelName(channel: EventChannel): string {
    return `${this.namespace}:events:${channel}`;
  }

  async publish(channel: EventChannel, payload: object): Promise<void> {
    await this.publisher.publish(this.channelName(channel), JSON.stringify(payload));
  }

  async subscribe(channel: EventChannel, handler: EventHandler): Promise<() => Promise<void>> {
    const name = this.channelName(channel);
    if (this.fanOut.add(name, handler).first) await this.subscriber.subscribe(name);
    return async () => {
      if (this.fanOut.remove(name, handler).last) await this.subscriber.unsubscribe(name);
    };
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }
}
