import * as path from 'node:path';
import { type AppConfig, startEmbeddedPostgres, UsageError } from '@opvangplek/platform';
import { Client } from 'pg';

/** A database that belongs to this bench run only; `drop()` removes it (and stops a server it started). */
export interface BenchDatabase {
  url: string;
  /** What the header prints: which server, which database. Never the password. */
  description: string;
  mode: 'embedded' | 'server';
  drop(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** host:port/database, without credentials. */
export function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

async function withAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl, application_name: 'opvangplek-bench-admin' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function recreate(adminUrl: string, database: string): Promise<void> {
  await withAdmin(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}"`);
  });
}

async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/[-:T]/g, '').replace(/\..*$/, '');
}

/**
 * BENCH_DATABASE_URL or DATABASE_URL: a fresh `opvangplek_bench_<timestamp>` on that server (never
 * the database the URL names, whose data a bench must not touch). Neither: the embedded server in
 * `<dataDir>/bench`, with `opvangplek_bench` dropped and created again. Loopback servers only.
 */
export async function createBenchDatabase(config: AppConfig, log: (line: string) => void): Promise<BenchDatabase> {
  const serverUrl = process.env.BENCH_DATABASE_URL?.trim() || config.databaseUrl;
  if (serverUrl) {
    const host = new URL(serverUrl).hostname;
    if (!LOOPBACK_HOSTS.has(host)) {
      throw new UsageError(
        `the bench only talks to this machine; the database server is "${host}" (use a PostgreSQL on 127.0.0.1)`,
      );
    }
    const database = `opvangplek_bench_${timestamp(new Date())}_${process.pid}`;
    const adminUrl = withDatabase(serverUrl, 'postgres');
    await recreate(adminUrl, database);
    const url = withDatabase(serverUrl, database);
    log(`created database ${describeUrl(url)} (dropped again at the end)`);
    return {
      url,
      description: `PostgreSQL server at ${describeUrl(url)}`,
      mode: 'server',
      drop: () => dropDatabase(adminUrl, database),
    };
  }

  const database = 'opvangplek_bench';
  const dataDir = path.join(config.dataDir, 'bench');
  log(`starting embedded PostgreSQL in ${dataDir}/postgres`);
  const embedded = await startEmbeddedPostgres(dataDir, { database });
  const adminUrl = withDatabase(embedded.databaseUrl, 'postgres');
  try {
    await recreate(adminUrl, database);
  } catch (error) {
    await embedded.stop().catch(() => undefined);
    throw error;
  }
  return {
    url: embedded.databaseUrl,
    description: `embedded PostgreSQL at ${describeUrl(embedded.databaseUrl)} (data in ${dataDir})`,
    mode: 'embedded',
    drop: async () => {
      try {
        await dropDatabase(adminUrl, database);
      } finally {
        await embedded.stop();
      }
    },
  };
}
