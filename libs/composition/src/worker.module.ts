import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, platformModules } from '@opvangplek/platform';
import { AuditJobsModule } from '@opvangplek/access';
import { NotificationJobsModule } from '@opvangplek/notifications';
import { PlacementJobsModule } from '@opvangplek/placement';
import { ENTITIES } from './entities';

/**
 * Background jobs (BullMQ processors): placement matching, offer expiry and the sweep (due waits,
 * lost jobs, escalation, stay alerts), and webhook deliveries. The same module runs inside the API process in zero-config mode.
 */
@Module({})
export class WorkerModule {
  /** The job processors, for a process that already has the platform modules (the standalone one). */
  static jobs(): DynamicModule {
    return { module: WorkerModule, imports: [PlacementJobsModule, AuditJobsModule, NotificationJobsModule] };
  }

  /** A worker-only process. */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ...platformModules(config, ENTITIES, undefined, 'worker'),
        PlacementJobsModule,
        AuditJobsModule,
        NotificationJobsModule,
      ],
    };
  }
}
