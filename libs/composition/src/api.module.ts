import { type DynamicModule, Module } from '@nestjs/common';
import { AccessModule, AuthenticationModule } from '@opvangplek/access';
import { CapacityModule } from '@opvangplek/capacity';
import { InsightModule } from '@opvangplek/insight';
import { InteropModule } from '@opvangplek/interop';
import { MatchingModule } from '@opvangplek/matching';
import { NotificationsModule } from '@opvangplek/notifications';
import { PlacementModule } from '@opvangplek/placement';
import {
  type AppConfig,
  type Clock,
  ConsoleModule,
  GraphqlPlatformModule,
  HealthModule,
  platformModules,
} from '@opvangplek/platform';
import { RegistrationModule } from '@opvangplek/registration';
import { RegistryModule } from '@opvangplek/registry';
import { ENTITIES } from './entities';

/** The API process: GraphQL over HTTP and WebSocket, health probes, and the console's public config. */
@Module({})
export class ApiModule {
  /** `clock` replaces the system clock (tests that fix "now"). */
  static forRoot(config: AppConfig, extra: DynamicModule['imports'] = [], clock?: Clock): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ...platformModules(config, ENTITIES, clock),
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
