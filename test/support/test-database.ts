import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APPLICATION_ROLE, dataSourceOptions } from '@opvangplek/platform/database';
import { applicationUrl, databaseUrl, ENV, requireEnv } from './test-env';
import { ENTITIES } from '@opvangplek/composition';

export interface TestDatabase {
  /** The owner's (superuser's) URL: for arranging and checking, and for migrations. */
  url: string;
  /** The same database as this run's login in the application role: what the app under test uses. */
  appUrl: string;
  name: string;
  /** A data source on this database, for arranging and checking rows directly. */
  dataSource: DataSource;
  /** Simulates the database going away (and coming back) for everyone connected to it. */
  setConnectionsAllowed(allowed: boolean): Promise<void>;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: requireEnv(ENV.adminUrl) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A private, migrated database for one test file, cloned from the run's template. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `opvangplek_t_${requireEnv(ENV.runId)}_${randomBytes(4).toString('hex')}`;
  const template = requireEnv(ENV.template);
  await admin(async (client) => {
    await client.query(options.empty ? `CREATE DATABASE "${name}"` : `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    // A database's own grants are not copied from its template; the migration gave this one to the
    // template (the PostgreSQL queue backend creates its jobs schema at start).
    await client.query(`GRANT CREATE ON DATABASE "${name}" TO ${APPLICATION_ROLE}`);
  });
  const url = databaseUrl(requireEnv(ENV.adminUrl), name);
  const dataSource = new DataSource(dataSourceOptions(url, { entities: ENTITIES, poolSize: 4 }));
  await dataSource.initialize();
  return {
    url,
    appUrl: applicationUrl(url),
    name,
    dataSource,
    setConnectionsAllowed: (allowed) =>
      admin(async (client) => {
        await client.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS ${allowed}`);
        if (!allowed) await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      }),
    drop: async () => {
      await dataSource.destroy();
      await admin(async (client) => {
        // Let connections that are still closing (queue backends, listeners) go by themselves
        // before forcing: a forced disconnect mid-close surfaces as an unhandled error elsewhere.
        for (let waited = 0; waited < 2_000; waited += 100) {
          const { rows } = await client.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
          if (rows[0].n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
    },
  };
}
