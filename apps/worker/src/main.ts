/** The worker process: `node dist/apps/worker/src/main.js`. Same config as the API; no HTTP. */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { migrateOnBoot, loadConfig, runMain } from '@opvangplek/platform';
import { WorkerModule } from '@opvangplek/composition';

runMain(async () => {
  const config = loadConfig();
  await migrateOnBoot(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.enableShutdownHooks();
  // Plain, whatever LOG_LEVEL says, like the API's "listening" line: supervisors and the
  // multi-process tests wait for it.
  console.log(`Opvangplek worker running (queue backend: ${config.queueBackend})`);
});
