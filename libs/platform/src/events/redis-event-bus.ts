import { Logger } from '@nestjs/common';
import { RepeatedWarning } from '../observability/repeated-warning';
import Redis from 'ioredis';
import { bounded } from '../queue/bounded';
import {
  encodeEvent,
  EventBus,
  EventChannel,
  EventHandler,
  type EventLagObserver,
  type EventSubscriptionOptions,
  InterruptionListeners,
  LocalFanOut,
} from './event-bus';

/** How often the subscriber connection is asked whether it still answers (a hung Redis, a dead link). */
const HEARTBEAT_MS = 5_000;
/** Events that could not be published, kept to be sent once Redis answers again; the oldest go first when full. */
const MAX_UNSENT = 10_000;
/** How often events that could not be published are tried again. */
const RESEND_MS = 2_000;

/**
 * Redis pub/sub: one connection publishes, one subscribes (a subscribed connection can do nothing else).
 *
 * Pub/sub keeps nothing: a message sent while a subscriber's connection is down never reaches it
 * (issue 15, F3: a subscriber that stayed connected to the API saw nothing of a Redis outage, neither
 * updates nor an error). So this bus is "live" only while its subscriber connection is up and
 * subscribed to every channel in use. When that connection drops, or stops answering its heartbeat,
 * every subscription that asked to be told (`onInterrupted`) is told and ends: its subscriber
 * subscribes again and catches up from the database (`after`, `current`), and a new subscription
 * only starts once the bus is live again, so its catch-up is read after events flow once more.
 * An event whose publish failed is kept and sent again once Redis answers (subscribers re-read what
 * an event names, so a late or repeated event shows the same, current state).
 */
export class RedisEventBus implements EventBus {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly fanOut: LocalFanOut;
  private readonly interruptions = new InterruptionListeners();
  private readonly logger = new Logger(RedisEventBus.name);
  /** Each failed reconnect of each connection, said once per 30 s during an outage. */
  private readonly connectionWarnings = new RepeatedWarning((message) => this.logger.warn(message));
  /** True while the subscriber connection is up and subscribed to every channel with a handler. */
  private live = false;
  /** Bumped at each interruption, so a subscribe that straddled one starts over. */
  private epoch = 0;
  private whenLive: Promise<void>;
  private becameLive: () => void = () => undefined;
  private readonly unsent: { channel: string; message: string }[] = [];
  private resending = false;
  private readonly timers: NodeJS.Timeout[] = [];
  private closed = false;

  constructor(
    url: string,
    private readonly namespace: string,
    observeLag?: EventLagObserver,
    /** Longest wait for one publish: an event is sent after a commit, and the caller's answer must not wait on an outage. */
    private readonly publishTimeoutMs = 1500,
  ) {
    this.fanOut = new LocalFanOut(observeLag);
    this.whenLive = new Promise((resolve) => (this.becameLive = resolve));
    // Fails a publish fast while Redis is away (one reconnect try, a command timeout) instead of queueing it for the outage.
    // The events of one change are published together (a request's status, the places it took):
    // pipelined, they are one socket write instead of one each, which a busy API pays for (issue 16).
    this.publisher = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: publishTimeoutMs, enableAutoPipelining: true });
    // Subscribes again itself after a reconnect (becomeLive), so it knows when that is done.
    this.subscriber = new Redis(url, { maxRetriesPerRequest: null, autoResubscribe: false });
    for (const connection of [this.publisher, this.subscriber]) {
      connection.on('error', (error: Error) => this.connectionWarnings.say(`Redis events connection: ${error.message}`));
    }
    this.subscriber.on('message', (channel: string, message: string) => this.fanOut.deliver(channel, message));
    // A SUBSCRIBE sent before 'ready' can race ioredis's start-up check and be lost silently
    // (ioredis#2037): nothing subscribes before the bus is live.
    this.subscriber.on('ready', () => void this.becomeLive());
    this.subscriber.on('close', () => this.interrupt('the connection to Redis was lost'));
    if (this.subscriber.status === 'ready') void this.becomeLive();
    this.timers.push(setInterval(() => void this.heartbeat(), HEARTBEAT_MS));
    this.timers.push(setInterval(() => void this.resend(), RESEND_MS));
    for (const timer of this.timers) timer.unref();
  }

  private channelName(channel: EventChannel): string {
    return `${this.namespace}:events:${channel}`;
  }

  async publish(channel: EventChannel, payload: object): Promise<void> {
    const name = this.channelName(channel);
    const message = encodeEvent(payload);
    try {
      await bounded(this.publisher.publish(name, message), this.publishTimeoutMs, `publish on ${channel}`);
    } catch (error) {
      // Kept for later: a subscriber in another process, whose own connection never dropped, would
      // otherwise not learn of this change at all.
      if (this.unsent.push({ channel: name, message }) > MAX_UNSENT) this.unsent.shift();
      throw error;
    }
  }

  async subscribe(
    channel: EventChannel,
    handler: EventHandler,
    options: EventSubscriptionOptions = {},
  ): Promise<() => Promise<void>> {
    const name = this.channelName(channel);
    this.fanOut.add(name, handler);
    let forget = () => undefined as unknown;
    const stop = async () => {
      forget();
      // Not awaited: while Redis is away it would wait for the outage; becomeLive skips a channel without handlers.
      if (this.fanOut.remove(name, handler).last && this.live) this.subscriber.unsubscribe(name).catch(() => undefined);
    };
    try {
      for (;;) {
        await this.whenLive;
        if (this.closed) throw new Error('the event bus is closed');
        const epoch = this.epoch;
        await this.subscriber.subscribe(name);
        if (this.live && epoch === this.epoch) break; // else an interruption came in between: wait for the bus again
      }
    } catch (error) {
      await stop();
      throw error;
    }
    forget = this.interruptions.add(options.onInterrupted);
    return stop;
  }

  /** The subscriber connection is (back) up: subscribe to every channel in use, then events flow. */
  private async becomeLive(): Promise<void> {
    const epoch = this.epoch;
    const channels = this.fanOut.channels();
    try {
      if (channels.length > 0) await this.subscriber.subscribe(...channels);
    } catch (error) {
      this.logger.warn(`could not subscribe again after a reconnect: ${(error as Error).message}`);
      return; // the connection dropped again: its next 'ready' tries again
    }
    if (epoch !== this.epoch || this.live || this.closed) return;
    this.live = true;
    this.becameLive();
    this.logger.log('events flow (subscribed to Redis)');
    void this.resend();
  }

  /** Events may have been missed: tell every subscription that asked, and wait for the connection. */
  private interrupt(reason: string): void {
    if (this.closed) return;
    this.epoch += 1;
    if (this.live) {
      this.live = false;
      this.whenLive = new Promise((resolve) => (this.becameLive = resolve));
    }
    const told = this.interruptions.interrupt(reason);
    if (told > 0) this.logger.warn(`events interrupted (${reason}): ended ${told} subscription(s), which resume`);
  }

  /** A subscriber connection that does not answer a PING (Redis hung, a dead link) is dropped and made anew. */
  private async heartbeat(): Promise<void> {
    if (!this.live || this.closed) return;
    try {
      await bounded(this.subscriber.ping(), Math.max(3_000, 2 * this.publishTimeoutMs), 'events heartbeat');
    } catch (error) {
      if (!this.live || this.closed) return;
      this.logger.warn(`${(error as Error).message}: reconnecting the events subscriber`);
      this.interrupt('Redis did not answer');
      this.subscriber.disconnect(true);
    }
  }

  /** Sends again, in order, the events whose publish failed; stops at the first that fails again. */
  private async resend(): Promise<void> {
    if (this.resending || this.unsent.length === 0 || this.closed) return;
    this.resending = true;
    try {
      while (this.unsent.length > 0 && !this.closed) {
        const { channel, message } = this.unsent[0];
        await bounded(this.publisher.publish(channel, message), this.publishTimeoutMs, 'publish again');
        this.unsent.shift();
      }
    } catch {
      // Redis is still away: the next round tries again.
    } finally {
      this.resending = false;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
    this.becameLive(); // a subscribe still waiting for the bus gives up
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }
}
