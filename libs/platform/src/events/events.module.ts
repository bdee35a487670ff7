import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EVENT_BUS, type EventBus } from './event-bus';
import { PostgresEventBus } from './postgres-event-bus';
import { RedisEventBus } from './redis-event-bus';

export function createEventBus(config: AppConfig): EventBus {
  if (config.eventsBackend === 'redis') return new RedisEventBus(config.redisUrl!, config.namespace);
  const pool = new Pool({ connectionString: config.databaseUrl, max: 2, application_name: 'opvangplek-events' });
  const bus = new PostgresEventBus(pool, config.databaseUrl!, config.namespace);
  const close = bus.close.bind(bus);
  bus.close = async () => {
    await close();
    await pool.end();
  };
  return bus;
}

@Global()
@Module({
  providers: [{ provide: EVENT_BUS, inject: [APP_CONFIG], useFactory: createEventBus }],
  exports: [EVENT_BUS],
})
export class EventsModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_BUS) private readonly bus: EventBus) {}

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}
