import { Client, Pool } from 'pg';
import { Logger } from '@nestjs/common';
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

/**
 * PostgreSQL LISTEN/NOTIFY: used when no Redis is configured (zero-config mode). One dedicated
 * client listens; NOTIFY goes through the shared pool. If the listening connection drops, it is
 * rebuilt and every channel listened to again; the subscriptions that asked are told it was
 * interrupted (what was notified meanwhile never reached this process), so their subscribers resume.
 */
export class PostgresEventBus implements EventBus {
  private readonly logger = new Logger(PostgresEventBus.name);
  private listener: Client | undefined;
  private connecting: Promise<Client> | undefined;
  private readonly fanOut: LocalFanOut;
  private readonly channels = new Set<string>();
  private readonly interruptions = new InterruptionListeners();
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly connectionString: string,
    private readonly namespace: string,
    observeLag?: EventLagObserver,
  ) {
    this.fanOut = new LocalFanOut(observeLag);
  }

  private channelName(channel: EventChannel): string {
    return `${this.namespace}_${channel}`;
  }

  async publish(channel: EventChannel, payload: object): Promise<void> {
    await this.pool.query('SELECT pg_notify($1, $2)', [this.channelName(channel), encodeEvent(payload)]);
  }

  async subscribe(
    channel: EventChannel,
    handler: EventHandler,
    options: EventSubscriptionOptions = {},
  ): Promise<() => Promise<void>> {
    const name = this.channelName(channel);
    if (this.fanOut.add(name, handler).first) {
      this.channels.add(name);
      const client = await this.listenerClient();
      await client.query(`LISTEN "${name}"`);
    } else {
      await this.listenerClient(); // after a lost connection: once it listens again
    }
    const forget = this.interruptions.add(options.onInterrupted);
    return async () => {
      forget();
      if (!this.fanOut.remove(name, handler).last) return;
      this.channels.delete(name);
      await this.listener?.query(`UNLISTEN "${name}"`).catch(() => undefined);
    };
  }

  private listenerClient(): Promise<Client> {
    if (this.listener) return Promise.resolve(this.listener);
    this.connecting ??= (async () => {
      const client = new Client({ connectionString: this.connectionString });
      client.on('notification', (message) => this.fanOut.deliver(message.channel, message.payload ?? ''));
      client.on('error', (error) => this.reconnectAfter(client, error));
      await client.connect();
      for (const name of this.channels) await client.query(`LISTEN "${name}"`);
      this.listener = client;
      this.connecting = undefined;
      return client;
    })();
    return this.connecting;
  }

  private reconnectAfter(client: Client, error: Error): void {
    if (this.listener !== client || this.closed) return;
    this.logger.warn(`event listener connection lost (${error.message}); reconnecting`);
    this.listener = undefined;
    client.end().catch(() => undefined);
    this.interruptions.interrupt('the event listener connection was lost');
    setTimeout(() => {
      if (!this.closed) this.listenerClient().catch((e: Error) => this.logger.error(e.message));
    }, 500).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.listener?.end().catch(() => undefined);
  }
}
