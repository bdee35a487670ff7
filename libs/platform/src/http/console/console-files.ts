import { existsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Paths the console must never shadow: the API's own endpoints. A request under one of them is
 * always left to the API, even when it would otherwise look like a page of the console.
 */
export const API_PATHS = ['/graphql', '/health', '/ready', '/metrics', '/export/', '/fhir/', '/console/config.json'] as const;

export function isApiPath(requestPath: string): boolean {
  return API_PATHS.some((prefix) =>
    prefix.endsWith('/') ? requestPath.startsWith(prefix) : requestPath === prefix || requestPath.startsWith(`${prefix}/`),
  );
}

/**
 * A page of the single-page console (`/`, `/beds`, `/request/…`) rather than a file or an API call:
 * a GET that is not an API path and has no file extension. Missing files (`/assets/x.js`) must stay
 * 404s instead of answering with index.html, or a broken build would fail silently in the browser.
 */
export function isConsolePage(method: string, requestPath: string): boolean {
  return (method === 'GET' || method === 'HEAD') && !isApiPath(requestPath) && !path.posix.basename(requestPath).includes('.');
}

/**
 * Where `vite build` put the console: `dist/console` beside this installation's package.json, found
 * by walking up from this file, so it is the same from `dist/` (node), from the sources (ts-jest)
 * and in the Docker image.
 */
export function defaultConsoleDir(from: string = __dirname): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'dist', 'console');
    if (path.dirname(dir) === dir) return undefined;
  }
}
