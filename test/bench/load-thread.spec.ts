/**
 * The bench's load thread (apps/bench/src/load-thread.ts) runs a figure's requests in
 * a worker thread. It runs from dist/ (the worker is a compiled file), so this spec loads the
 * compiled module, as `npm run bench` does; `npm run test:all` builds first.
 */
import { createServer, type Server } from 'node:http';
import * as path from 'node:path';
import { ENV, REPO_ROOT, requireEnv } from '../support/test-env';
import type * as LoadThread from '../../apps/bench/src/load-thread';
import type * as LoadDriver from '../../apps/bench/src/load-driver';

const compiled = (name: string) => path.join(REPO_ROOT, 'dist', 'apps', 'bench', 'src', name);
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled module, on purpose (see above)
const { runInterleavedOffThread } = require(compiled('load-thread.js')) as typeof LoadThread;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- its LoadAborted is the class the thread rejects with
const { LoadAborted } = require(compiled('load-driver.js')) as typeof LoadDriver;

/** A GraphQL stand-in: records the variables of every request; answers `errors` when told to, slowly when told to. */
async function startServer(behaviour: { fail?: boolean; delayMs?: number } = {}) {
  const seen: unknown[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables: unknown };
      seen.push(variables);
      const body = JSON.stringify(behaviour.fail ? { errors: [{ message: 'refused on purpose' }] } : { data: { ok: true } });
      setTimeout(() => response.writeHead(200, { 'content-type': 'application/json' }).end(body), behaviour.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

const options = { requests: 12, concurrency: 2, warmup: 3, rounds: 2 };

describe('bench load thread', () => {
  it('runs GraphQL and SQL operations interleaved in a worker, rotating their inputs, and reports every phase', async () => {
    const server = await startServer();
    try {
      const phases: string[] = [];
      const stats = await runInterleavedOffThread(
        {
          operations: [
            { kind: 'graphql', apiUrl: server.url, token: 't', query: '{ ok }', variables: [{ n: 0 }, { n: 1 }, { n: 2 }] },
            {
              kind: 'sql',
              databaseUrl: requireEnv(ENV.adminUrl),
              sql: 'SELECT $1::int AS n',
              params: [[1], [2]],
              poolSize: 2,
              applicationName: 'opvangplek-test-load-thread',
            },
          ],
          options,
        },
        { onPhaseEnd: (operation, round) => phases.push(`${operation}@${round}`) },
      );
      expect(stats.map((s) => s.count)).toEqual([12, 12]);
      for (const s of stats) expect(s.p50).toBeGreaterThan(0);
      // Warm-up and recorded requests: one index sequence, so the rotation continues across them.
      expect(server.seen).toHaveLength(15);
      expect(server.seen.filter((v) => (v as { n: number }).n === 1)).toHaveLength(5);
      // ABBA: graphql then sql in round 0, sql then graphql in round 1.
      expect(phases).toEqual(['0@0', '1@0', '1@1', '0@1']);
    } finally {
      await server.close();
    }
  });

  it('fails with the operation’s error: a benchmark counts answers only', async () => {
    const server = await startServer({ fail: true });
    try {
      await expect(
        runInterleavedOffThread({
          operations: [{ kind: 'graphql', apiUrl: server.url, token: 't', query: '{ ok }', variables: [{}] }],
          options,
        }),
      ).rejects.toThrow(/refused on purpose/);
    } finally {
      await server.close();
    }
  });

  it('stops when aborted, after the requests in flight, with LoadAborted', async () => {
    const server = await startServer({ delayMs: 50 });
    try {
      const controller = new AbortController();
      const run = runInterleavedOffThread(
        {
          operations: [{ kind: 'graphql', apiUrl: server.url, token: 't', query: '{ ok }', variables: [{}] }],
          options: { ...options, requests: 1000, warmup: 0 },
        },
        { signal: controller.signal },
      );
      setTimeout(() => controller.abort(), 200);
      await expect(run).rejects.toBeInstanceOf(LoadAborted);
      expect(server.seen.length).toBeLessThan(1000);
    } finally {
      await server.close();
    }
  });
});
