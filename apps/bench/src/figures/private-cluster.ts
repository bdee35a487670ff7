/**
 * What the placement figures share: a private database on the bench's own PostgreSQL server (so
 * their requests and holds never touch the register the read figures measure), real API and worker
 * processes started from dist/ on it (with the platform's process/dist-process.ts, which the multi-process tests
 * start theirs with too), and tokens the processes accept.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { issueDevToken } from '@opvangplek/access';
import type { Role } from '@opvangplek/domain';
import {
  dataSourceOptions,
  freePort,
  migrateDatabase,
  type DistProcess,
  startDistProcess,
  deleteNamespaceKeys,
} from '@opvangplek/platform';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ENTITIES, loadNationalRegister } from '@opvangplek/composition';
import type { BenchContext } from '../figure';

// ---------------------------------------------------------------------------------------------
// A private database

export interface PrivateDatabase {
  url: string;
  name: string;
  /** A small pool of the bench's own, for setup and for reading the outcome. Not for measuring. */
  dataSource: DataSource;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function asAdmin(adminUrl: string, statements: string[]): Promise<void> {
  const client = new Client({ connectionString: adminUrl, application_name: 'opvangplek-bench-admin' });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * `<bench database>_<suffix>` on the same server, migrated, dropped again by `drop()` (WITH FORCE:
 * a process that did not stop in time cannot keep it alive).
 */
export async function createPrivateDatabase(context: BenchContext, suffix: string): Promise<PrivateDatabase> {
  const benchName = new URL(context.databaseUrl).pathname.slice(1);
  const name = `${benchName}_${suffix}`.slice(0, 63);
  const adminUrl = withDatabase(context.databaseUrl, 'postgres');
  await asAdmin(adminUrl, [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`, `CREATE DATABASE "${name}"`]);
  const url = withDatabase(context.databaseUrl, name);
  const dataSource = new DataSource(
    dataSourceOptions(url, { entities: ENTITIES, poolSize: 4, applicationName: 'opvangplek-bench-setup' }),
  );
  const drop = async () => {
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    await asAdmin(adminUrl, [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]);
  };
  try {
    await dataSource.initialize();
    await migrateDatabase(dataSource);
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
  return { url, name, dataSource, drop };
}

/** The national register at `scale`, as `npm run seed` loads it, then ANALYZE. */
export async function seedPrivateRegister(dataSource: DataSource, scale: number): Promise<void> {
  await loadNationalRegister(dataSource, scale);
  await dataSource.query('ANALYZE');
}

// ---------------------------------------------------------------------------------------------
// Processes

/** The namespace of one figure's processes: their own Redis keys and channels. */
export function privateNamespace(context: BenchContext, short: string): string {
  return `${context.config.namespace.slice(0, 30)}_${short}`.slice(0, 40);
}

/** Settings the operator may have given the bench that the processes should share. */
const PASSED_THROUGH = /^(COMENSHA|ZORGCOORDINATOR|NLA|POLICE|JEUGDBESCHERMING)_HOURS$|^HOLD_MINUTES|^FRESHNESS_/;

/** The environment of a spawned API or worker: the bench's backends, secret and namespace, on `databaseUrl`. */
export function processEnvironment(context: BenchContext, databaseUrl: string, namespace: string): Record<string, string> {
  const { config } = context;
  const dataDir = path.join(config.dataDir, 'bench', namespace);
  mkdirSync(dataDir, { recursive: true });
  const passed = Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => PASSED_THROUGH.test(entry[0]) && !!entry[1]),
  );
  return {
    ...passed,
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    ...(config.queueBackend === 'redis' || config.eventsBackend === 'redis' ? { REDIS_URL: config.redisUrl! } : {}),
    QUEUE_BACKEND: config.queueBackend,
    EVENTS_BACKEND: config.eventsBackend,
    OPVANGPLEK_NAMESPACE: namespace,
    JWT_SECRET: config.auth.secret!,
    JWT_ISSUER: config.auth.issuer,
    JWT_AUDIENCE: config.auth.audience,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: '0',
    RATE_LIMIT_PER_MINUTE: String(config.http.rateLimitPerMinute),
  };
}

function distEntry(app: 'api' | 'worker'): string {
  // dist/apps/bench/src/figures → dist/apps/<app>/src/main.js
  const file = path.resolve(__dirname, '../../..', app, 'src', 'main.js');
  if (!existsSync(file)) throw new Error(`${file} is missing: build first (npm run bench builds)`);
  return file;
}

export interface RunningProcess extends DistProcess {
  kind: 'api' | 'worker';
  /** http://127.0.0.1:<port> for an API; undefined for a worker. */
  url: string | undefined;
}

/** Starts `dist/apps/<kind>` and waits until an API answers /ready, or a worker logs "worker running". */
export async function startProcess(
  kind: 'api' | 'worker',
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<RunningProcess> {
  const port = kind === 'api' ? await freePort() : 0;
  const url = kind === 'api' ? `http://127.0.0.1:${port}` : undefined;
  const started = await startDistProcess(
    distEntry(kind),
    { ...env, PORT: String(port) },
    url ? { url } : { outputIncludes: 'worker running' },
    // With the bench's own V8 flags: package.json's bench script gives it those production runs with.
    { label: kind, timeoutMs, execArgv: process.execArgv, outputLimit: 20_000 },
  );
  return { ...started, kind, url };
}

/** API and worker processes of one figure; `stopAll` ends whatever is still running. */
export class Cluster {
  readonly processes: RunningProcess[] = [];

  constructor(private readonly env: Record<string, string>) {}

  /** Starts them together; if one fails, the ones that did start are stopped again. */
  async start(counts: { apis: number; workers: number }): Promise<this> {
    const kinds = [...Array<'api'>(counts.apis).fill('api'), ...Array<'worker'>(counts.workers).fill('worker')];
    const started = await Promise.allSettled(kinds.map((kind) => startProcess(kind, this.env)));
    for (const outcome of started) if (outcome.status === 'fulfilled') this.processes.push(outcome.value);
    const failed = started.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed) {
      await this.stopAll();
      throw failed.reason;
    }
    return this;
  }

  get apiUrls(): string[] {
    return this.processes.filter((p) => p.kind === 'api').map((p) => p.url!);
  }

  /** The tail of every process's output, for an error message. */
  outputs(): string {
    return this.processes.map((p, i) => `--- ${p.kind} ${i} ---\n${p.output().split('\n').slice(-15).join('\n')}`).join('\n');
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.processes.splice(0).map((p) => p.stop()));
  }
}

/** Whether the figure's processes use Redis (queue or events), so its keys must be cleaned up. */
export function usesRedis(context: BenchContext): boolean {
  return context.config.queueBackend === 'redis' || context.config.eventsBackend === 'redis';
}

/** A token the bench's API processes accept (same secret, issuer and audience). */
export function tokenFor(
  context: BenchContext,
  claims: { role: Role; org: string; regions?: string[]; facilityIds?: string[] },
): Promise<string> {
  const { auth } = context.config;
  return issueDevToken(
    { ...claims, sub: `bench@${claims.org}` },
    { secret: auth.secret!, issuer: auth.issuer, audience: auth.audience },
  );
}

/**
 * Runs `work` with a private database and (optionally) processes on it, and cleans up everything
 * afterwards whatever happened: processes first, then their data directory, Redis keys and the database.
 */
export async function withPrivateCluster<T>(
  context: BenchContext,
  options: {
    suffix: string;
    scale: number;
    apis: number;
    workers: number;
    prepare?: (db: PrivateDatabase) => Promise<void>;
    /** More environment for the processes (e.g. the simulated clock). */
    env?: Record<string, string>;
  },
  work: (db: PrivateDatabase, cluster: Cluster, started: { seconds: number }) => Promise<T>,
): Promise<T> {
  const namespace = privateNamespace(context, options.suffix);
  context.log(`  private database ${options.suffix}: migrating, seeding the national register ×${options.scale}…`);
  const db = await createPrivateDatabase(context, options.suffix);
  const env = { ...processEnvironment(context, db.url, namespace), ...options.env };
  const cluster = new Cluster(env);
  try {
    await seedPrivateRegister(db.dataSource, options.scale);
    await options.prepare?.(db);
    const began = Date.now();
    context.signal.throwIfAborted();
    if (options.apis + options.workers > 0) {
      context.log(
        `  starting ${options.apis} API and ${options.workers} worker process(es) from dist/ ` +
          `(queue ${context.config.queueBackend}, events ${context.config.eventsBackend}, namespace ${namespace})…`,
      );
      await cluster.start({ apis: options.apis, workers: options.workers });
    }
    const seconds = Math.round((Date.now() - began) / 100) / 10;
    return await work(db, cluster, { seconds });
  } finally {
    await cluster.stopAll();
    // The processes' data directory (a notes key for a database about to be dropped) goes too.
    rmSync(env.DATA_DIR, { recursive: true, force: true });
    if (usesRedis(context)) await deleteNamespaceKeys(context.config.redisUrl!, namespace).catch(() => undefined);
    await db.drop();
  }
}
