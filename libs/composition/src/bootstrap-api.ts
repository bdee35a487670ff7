import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  type Clock,
  type AppConfig,
  applyHttpSecurity,
  identifyRequest,
  unreadableBody,
  serveConsole,
  HttpMetrics,
} from '@opvangplek/platform';
import { Logger } from 'nestjs-pino';
import type { DynamicModule } from '@nestjs/common';
import { ApiModule } from './api.module';

/**
 * Creates and starts the API on `config.http`. `extra` adds modules to the same process (the
 * standalone launcher adds the worker). Returns the running app and the URL it listens on.
 */
export async function bootstrapApi(
  config: AppConfig,
  extra: DynamicModule['imports'] = [],
  options: { shutdownHooks?: boolean; clock?: Clock } = {},
): Promise<{ app: INestApplication; url: string }> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config, extra, options.clock), {
    // Nest's own lines wait for pino (LoggingModule), so they are JSON like the rest.
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // First, so what the layers below refuse (413, 429) is measured too, and answered with its request id.
  app.use(app.get(HttpMetrics).measure);
  app.use(identifyRequest);
  app.useBodyParser('json', { limit: config.http.bodyLimit });
  // On Express itself: an error handler is told apart by its four parameters, which Nest's own use() does not keep.
  (app.getHttpAdapter().getInstance() as { use(handler: unknown): void }).use(unreadableBody(app.get(Logger)));
  if (options.shutdownHooks !== false) app.enableShutdownHooks();
  applyHttpSecurity(app, config);
  // After the security headers (they apply to the console too), before Nest's routes (at listen).
  serveConsole(app, config);
  await app.listen(config.http.port, config.http.host);
  const address = app.getHttpServer().address() as { port: number };
  const host = config.http.host === '0.0.0.0' ? 'localhost' : config.http.host;
  const url = `http://${host}:${address.port}`;
  return { app, url };
}
