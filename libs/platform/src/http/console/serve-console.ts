import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { AppConfig } from '../../config/app-config';
import { defaultConsoleDir, isConsolePage } from './console-files';

interface MinimalRequest {
  method: string;
  path: string;
}
interface MinimalResponse {
  status(code: number): MinimalResponse;
  setHeader(name: string, value: string): void;
  type(type: string): MinimalResponse;
  send(body: string): void;
  sendFile(file: string, options: { headers: Record<string, string> }): void;
}

const NOT_BUILT = (dir: string) =>
  [
    'The Opvangplek console is not built, so there is nothing to show here.',
    `Expected ${path.join(dir, 'index.html')}. Run \`npm run build\` (npm start does) and restart.`,
    'The API itself works: GraphQL at /graphql, health at /health and /ready.',
  ].join('\n');

/**
 * How long a browser may keep one of the console's files (its path inside dist/console), when it
 * differs from the default (`public, max-age=0`). Vite names assets by content hash: they never
 * change, so browsers may keep them. The service worker script and the manifest keep their names
 * across deploys: always revalidated, so a new worker is found at the next visit (browsers cap a
 * worker script's cache at a day anyway; this makes it every time).
 */
export function consoleFileCacheControl(file: string): string | undefined {
  const posix = file.split(path.sep).join('/');
  if (posix.startsWith('assets/')) return 'public, max-age=31536000, immutable';
  if (posix === 'sw.js' || posix === 'manifest.webmanifest') return 'no-cache';
  return undefined;
}

/**
 * Serves the built console (apps/console → dist/console) at `/`: its files as they are, and
 * index.html for every page path so a reload of `/desk` works (SPA fallback). Registered before
 * Nest's routes, so it steps aside for the API's own paths (`API_PATHS`). Without a build the API
 * still starts; `/` then says in words what is missing.
 */
export function serveConsole(app: NestExpressApplication, config: AppConfig): { dir: string; built: boolean } {
  const dir = config.console.dir ?? defaultConsoleDir() ?? path.resolve('dist', 'console');
  const index = path.join(dir, 'index.html');
  const built = existsSync(index);
  if (built) {
    app.useStaticAssets(dir, {
      index: false,
      setHeaders: (response, file) => {
        const cacheControl = consoleFileCacheControl(path.relative(dir, file));
        if (cacheControl) response.setHeader('Cache-Control', cacheControl);
      },
    });
  } else {
    Logger.warn(`console not built: ${index} is missing (run \`npm run build\`); the API runs without it`, 'Console');
  }
  app.use((request: MinimalRequest, response: MinimalResponse, next: () => void) => {
    if (!isConsolePage(request.method, request.path)) return next();
    if (!built) {
      response.status(503).type('text/plain; charset=utf-8').send(NOT_BUILT(dir));
      return;
    }
    // index.html names the current hashed assets: always revalidate it, so a deploy is picked up.
    response.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } });
  });
  return { dir, built };
}
