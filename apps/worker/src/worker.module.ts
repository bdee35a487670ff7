import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@opvangplek/platform/config';
import { platformModules } from '../../api/src/api.module';

/**
 * Background jobs (BullMQ processors). The features' job classes are registered here as they
 * arrive (placement matching, hold expiry, stays); the same module runs inside the API process in
 * zero-config mode.
 */
@Module({})
export class WorkerModule {
  /** The job processors, for a process that already has the platform modules (the standalone one). */
  static jobs(): DynamicModule {
    return { module: WorkerModule, imports: [] };
  }

  /** A worker-only process. */
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [...platformModules(config)] };
  }
}
