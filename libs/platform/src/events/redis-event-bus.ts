import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { bounded } from '../queue/bounded';
import { encodeEvent, EventBus, EventChannel, EventHandler, type EventLagObserver, LocalFanOut } from './event-bus';

/** Redis pub/sub: one connection publishes, one subscribes (a subscribed connection can do nothing else). */
export class RedisEventBus implements EventBus {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  /** Resolves once the subscriber connection is ready: a SUBSCRIBE sent earlier can race ioredis's
   * start-up check and be lost silently (ioredis#2037), leaving a process deaf to events. */
  private readonly subscriberReady: Promise<void>;
  private readonly fanOut: LocalFanOut;
  private readonly logger = new Logger(RedisEventBus.name);

  constructor(
    url: string,
    private readonly namespace: string,
    observeLag?: EventLagObserver,
    /** Longest wait for one publish: an event is sent after a commit, and the caller's answer must not wait on an outage. */
    private readonly publishTimeoutMs = 1500,
  ) {
    this.fanOut = new LocalFanOut(observeLag);
    // Fails a publish fast while Redis is away (one reconnect try, a command timeout) instead of queueing it for the outage.
    this.publisher = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: publishTimeoutMs });
    this.subscriber = new Redis(url, { maxRetriesPerRequest: null });
    for (const connection of [this.publisher, this.subscriber]) {
      connection.on('error', (error: Error) => this.logger.warn(`Redis events connection: ${error.message}`));
    }
    this.subscriberReady = new Promise((resolve) => {
      if (this.subscriber.status === 'ready') resolve();
      else this.subscriber.once('ready', () => resolve());
    });
    this.subscriber.on('message', (channel: string, message: string) => this.fanOut.deliver(channel, message));
  }

  private channelName(channel: EventChannel): string {
    return `${this.namespace}:events:${channel}`;
  }

  async publish(channel: EventChannel, payload: object): Promise<void> {
    await bounded(
      this.publisher.publish(this.channelName(channel), encodeEvent(payload)),
      this.publishTimeoutMs,
      `publish on ${channel}`,
    );
  }

  async subscribe(channel: EventChannel, handler: EventHandler): Promise<() => Promise<void>> {
    const name = this.channelName(channel);
    if (this.fanOut.add(name, handler).first) {
      await this.subscriberReady;
      await this.subscriber.subscribe(name);
    }
    return async () => {
      if (this.fanOut.remove(name, handler).last) await this.subscriber.unsubscribe(name);
    };
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }
}
