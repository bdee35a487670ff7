import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Histogram } from 'prom-client';
import { METRIC_PREFIX, MetricsRegistry } from '../observability/metrics-registry';
import { EVENT_BUS, type EventBus, type EventLagObserver } from './event-bus';
import { PostgresEventBus } from './postgres-event-bus';
import { RedisEventBus } from './redis-event-bus';

/** How long events take from one process to the others: a subscriber's updates are this late. */
function eventLagObserver(metrics: MetricsRegistry): EventLagObserver {
  const lag = new Histogram({
    name: `${METRIC_PREFIX}event_lag_seconds`,
    help: 'Events between processes by channel: seconds from publish to receipt in this process.',
    labelNames: ['channel'],
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [metrics.registry],
  });
  return (channel, seconds) => lag.observe({ channel }, seconds);
}

export function createEventBus(config: AppConfig, metrics?: MetricsRegistry): EventBus {
  const observeLag = metrics ? eventLagObserver(metrics) : undefined;
  if (config.eventsBackend === 'redis') return new RedisEventBus(config.redisUrl!, config.namespace, observeLag, config.queueCallTimeoutMs);
  const pool = new Pool({ connectionString: config.databaseUrl, max: 2, application_name: 'opvangplek-events' });
  const bus = new PostgresEventBus(pool, config.databaseUrl!, config.namespace, observeLag);
  const close = bus.close.bind(bus);
  bus.close = async () => {
    await close();
    await pool.end();
  };
  return bus;
}

@Global()
@Module({
  providers: [{ provide: EVENT_BUS, inject: [APP_CONFIG, MetricsRegistry], useFactory: createEventBus }],
  exports: [EVENT_BUS],
})
export class EventsModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_BUS) private readonly bus: EventBus) {}

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}
