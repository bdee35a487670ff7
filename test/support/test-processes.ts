import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './test-env';
import { type DistProcess, startDistProcess } from '@opvangplek/platform';

export interface RunningProcess extends DistProcess {
  url: string;
}

/** A compiled entry point; `npm run test:all` (like `npm test`) builds before it runs jest. */
export function distEntry(app: 'api' | 'worker' | 'standalone' | 'cli'): string {
  const file = path.join(REPO_ROOT, 'dist', 'apps', app, 'src', 'main.js');
  if (!existsSync(file))
    throw new Error(`${file} is missing: run \`npm run build\` (npm run test:all does) before the multi-process tests`);
  return file;
}

/** Starts a real Opvangplek process on `options.port` and waits until it serves `/ready`. */
export async function startProcess(
  app: 'api' | 'worker' | 'standalone',
  env: Record<string, string>,
  options: { port: number; timeoutMs?: number },
): Promise<RunningProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  const started = await startDistProcess(
    distEntry(app),
    { ...env, PORT: String(options.port) },
    { url },
    { label: app, timeoutMs: options.timeoutMs ?? 30_000, pollMs: 150 },
  );
  return { ...started, url };
}
