/**
 * The worker side of load-thread.ts: turns the operations it was given into functions, runs them
 * with the bench's load driver, and reports each phase's end and then the statistics. Its own
 * connections (HTTP keep-alive sockets, a pg Pool per SQL operation) are closed before it reports.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'pg';
import { postGraphql } from './graphql-client';
import { LoadAborted, runInterleaved } from './load-driver';
import type { LoadThreadInput, LoadThreadMessage, ThreadOperation } from './load-thread';

const input = workerData as LoadThreadInput;
const controller = new AbortController();
const pools: Pool[] = [];
const report = (message: LoadThreadMessage) => parentPort!.postMessage(message);

parentPort!.on('message', (message: { type: string }) => {
  if (message.type === 'abort') controller.abort();
});

function operationOf(spec: ThreadOperation): (index: number) => Promise<unknown> {
  if (spec.kind === 'graphql') {
    const { apiUrl, token, query, variables } = spec;
    if (variables.length === 0) throw new Error('a graphql operation needs at least one set of variables');
    return (index) => postGraphql(apiUrl, token, query, variables[index % variables.length]);
  }
  const { sql, params } = spec;
  if (params?.length === 0) throw new Error('an sql operation given params needs at least one set of them');
  const pool = new Pool({ connectionString: spec.databaseUrl, max: spec.poolSize, application_name: spec.applicationName });
  pools.push(pool);
  return params ? (index) => pool.query(sql, [...params[index % params.length]]) : () => pool.query(sql);
}

async function main(): Promise<void> {
  try {
    const stats = await runInterleaved(input.operations.map(operationOf), {
      ...input.options,
      signal: controller.signal,
      onPhaseEnd: (operation, round) => report({ type: 'phaseEnd', operation, round }),
    });
    await Promise.all(pools.map((pool) => pool.end()));
    report({ type: 'done', stats });
  } catch (error) {
    await Promise.all(pools.map((pool) => pool.end().catch(() => undefined)));
    report({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
      aborted: error instanceof LoadAborted,
    });
  }
}

void main();
