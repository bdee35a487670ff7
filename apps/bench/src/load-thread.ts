/**
 * Runs a figure's load in a worker thread instead of beside the API it measures. The bench serves
 * the API from its own main thread; a load driver there would share that one JavaScript thread
 * with it (every request's client-side encoding, parsing and garbage charged to the API's latency),
 * while in production the API has its process to itself and its callers are elsewhere. In a worker
 * the load has its own event loop and heap: it still shares the machine's cores, as any client on
 * the same machine does, but not the API's thread or its garbage collector.
 *
 * Operations cross the thread boundary as data (a worker cannot call the figure's closures): a
 * GraphQL request with its variables in rotation, or an SQL statement on a pool of the worker's own.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { LoadAborted, type LoadOptions, type LoadStats } from './load-driver';

/**
 * One operation the worker can run by itself. Request i sends `variables[i % variables.length]`
 * (GraphQL), or `params[i % params.length]` (SQL; none when `params` is left out).
 */
export type ThreadOperation =
  | { kind: 'graphql'; apiUrl: string; token: string; query: string; variables: readonly Record<string, unknown>[] }
  | {
      kind: 'sql';
      databaseUrl: string;
      sql: string;
      params?: readonly (readonly unknown[])[];
      poolSize: number;
      applicationName: string;
    };

/** What the worker is started with (`workerData`). */
export interface LoadThreadInput {
  operations: readonly ThreadOperation[];
  options: Omit<LoadOptions, 'signal' | 'clock'> & { rounds: number };
}

/** Messages from the worker. */
export type LoadThreadMessage =
  | { type: 'phaseEnd'; operation: number; round: number }
  | { type: 'done'; stats: LoadStats[] }
  | { type: 'failed'; message: string; aborted: boolean };

function workerEntry(): string {
  const compiled = path.join(__dirname, 'load-thread.worker.js');
  if (!existsSync(compiled)) throw new Error(`${compiled} is missing: the load thread runs from dist/ (npm run bench builds)`);
  return compiled;
}

/**
 * `runInterleaved` over `operations` in a worker thread: the same warm-up, rounds (ABBA) and
 * statistics. `onPhaseEnd` runs on this thread as each phase ends (to read this thread's memory);
 * aborting `signal` stops the worker after the requests in flight and rejects with LoadAborted.
 */
export function runInterleavedOffThread(
  input: LoadThreadInput,
  hooks: { signal?: AbortSignal; onPhaseEnd?: (operation: number, round: number) => void } = {},
): Promise<LoadStats[]> {
  if (hooks.signal?.aborted) return Promise.reject(new LoadAborted());
  const worker = new Worker(workerEntry(), { workerData: input });
  const abort = () => worker.postMessage({ type: 'abort' });
  hooks.signal?.addEventListener('abort', abort, { once: true });
  return new Promise<LoadStats[]>((resolve, reject) => {
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      hooks.signal?.removeEventListener('abort', abort);
      finish();
      void worker.terminate();
    };
    worker.on('message', (message: LoadThreadMessage) => {
      if (message.type === 'phaseEnd') hooks.onPhaseEnd?.(message.operation, message.round);
      else if (message.type === 'done') settle(() => resolve(message.stats));
      else settle(() => reject(message.aborted ? new LoadAborted() : new Error(message.message)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the load thread exited (${code}) before it reported`))));
  });
}
