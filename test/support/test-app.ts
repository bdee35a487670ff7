import type { INestApplication } from '@nestjs/common';
import { bootstrapApi, WorkerModule } from '@opvangplek/composition';
import { CLOCK, type Clock } from '@opvangplek/platform/clock';
import { type Backend, testConfig } from './test-config';

export interface TestApp {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

/**
 * The API in this jest process, on a random port, against the database at the owner's `databaseUrl`,
 * logged in as the application role. With `clock`, the app's notion of "now" is that clock (a FixedClock a test moves, or a SimulatedClock)
 * (freshness, office hours, holds). With `withWorker`, the placement jobs run in this process too
 * (as in zero-config mode); `env` overrides configuration (e.g. SWEEP_SECONDS).
 */
export async function startTestApp(
  databaseUrl: string,
  options: { backend?: Backend; namespace?: string; clock?: Clock; withWorker?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const config = testConfig(databaseUrl, options.backend ?? 'postgres', options.namespace, options.env);
  const { app, url } = await bootstrapApi(config, options.withWorker ? [WorkerModule.jobs()] : [], {
    shutdownHooks: false,
    clock: options.clock,
  });
  return { app, url, close: () => app.close() };
}

export { CLOCK };
