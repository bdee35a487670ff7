import { type Clock, ClockModule, clockFromSettings } from './clock';
import { type AppConfig, ConfigModule } from './config';
import { CryptoModule } from './crypto/crypto.module';
import { DatabaseModule, type EntityList } from './database';
import { EventsModule } from './events';
import { LoggingModule, MetricsModule, type ProcessName } from './observability';
import { QueueModule } from './queue';

/**
 * The shared infrastructure every process needs: config, clock, logs, metrics, database, events, queues.
 * `entities`: the tables the process's data source knows (`@opvangplek/composition`'s ENTITIES).
 */
export function platformModules(config: AppConfig, entities: EntityList, clock?: Clock, processName: ProcessName = 'api') {
  return [
    ConfigModule.forRoot(config),
    ClockModule.forRoot(clock ?? clockFromSettings(config.simulatedClock)),
    LoggingModule.forRoot(config, processName),
    MetricsModule,
    DatabaseModule.forRoot(entities),
    EventsModule,
    QueueModule,
    CryptoModule,
  ];
}
