/** The worker process: `node dist/apps/worker/src/main.js`. Same config as the API; no HTTP. */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { migrateOnBoot } from '@opvangplek/platform/database';
import { loadConfig } from '@opvangplek/platform/config';
import { runMain } from '@opvangplek/platform/process';
import { WorkerModule } from './worker.module';

runMain(async () => {
  const config = loadConfig();
  await migrateOnBoot(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['log', 'error', 'warn'] });
  app.enableShutdownHooks();
  Logger.log(`worker running (queue backend: ${config.queueBackend})`, 'Opvangplek');
});
