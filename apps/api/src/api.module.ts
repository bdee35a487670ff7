import { type DynamicModule, Module } from '@nestjs/common';
import { AccessModule, AuthenticationModule } from '@opvangplek/access';
import { CapacityModule } from '@opvangplek/capacity/capacity.module';
import { InsightModule } from '@opvangplek/insight/insight.module';
import { InteropModule } from '@opvangplek/interop/interop.module';
import { MatchingModule } from '@opvangplek/matching/matching.module';
import { NotificationsModule } from '@opvangplek/notifications';
import { PlacementModule } from '@opvangplek/placement';
import type { AppConfig } from '@opvangplek/platform/config';
import { ConfigModule } from '@opvangplek/platform/config';
import { CryptoModule } from '@opvangplek/platform/crypto/crypto.module';
import { type Clock, ClockModule, clockFromSettings } from '@opvangplek/platform/clock';
import { DatabaseModule } from '@opvangplek/platform/database';
import { EventsModule } from '@opvangplek/platform/events';
import { GraphqlPlatformModule } from '@opvangplek/platform/graphql';
import { HealthModule } from '@opvangplek/platform/health/health.module';
import { ConsoleModule } from '@opvangplek/platform/http/console/console.module';
import { LoggingModule, MetricsModule, type ProcessName } from '@opvangplek/platform/observability';
import { QueueModule } from '@opvangplek/platform/queue';
import { RegistrationModule } from '@opvangplek/registration';
import { RegistryModule } from '@opvangplek/registry/registry.module';

/** The shared infrastructure every process needs: config, clock, logs, metrics, database, events, queues. */
export function platformModules(config: AppConfig, clock?: Clock, processName: ProcessName = 'api') {
  return [
    ConfigModule.forRoot(config),
    ClockModule.forRoot(clock ?? clockFromSettings(config.simulatedClock)),
    LoggingModule.forRoot(config, processName),
    MetricsModule,
    DatabaseModule,
    EventsModule,
    QueueModule,
    CryptoModule,
  ];
}

/** The API process: GraphQL over HTTP and WebSocket, health probes, and the console's public config. */
@Module({})
export class ApiModule {
  /** `clock` replaces the system clock (tests that fix "now"). */
  static forRoot(config: AppConfig, extra: DynamicModule['imports'] = [], clock?: Clock): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ...platformModules(config, clock),
        GraphqlPlatformModule.forRoot(AuthenticationModule),
        AccessModule,
        RegistryModule,
        CapacityModule,
        MatchingModule,
        PlacementModule,
        InsightModule,
        InteropModule,
        NotificationsModule,
        RegistrationModule,
        HealthModule,
        ConsoleModule,
        ...extra,
      ],
    };
  }
}
