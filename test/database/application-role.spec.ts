import { type AppConfig, ConfigError, loadConfig } from '@opvangplek/platform/config';
import { checkApplicationRole, migrateOnBoot } from '@opvangplek/platform/database';
import { Client } from 'pg';
import { testEnvironment } from '../support/test-config';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** How a start treats the connection the app is given, and what the application role may do. */
describe('the application database role', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  /** The test configuration; `production` only switches the environment (its other required keys are beside the point). */
  const config = (env: Record<string, string>, production = false): AppConfig => {
    const loaded = loadConfig({ ...testEnvironment(database.url, 'postgres'), ...env });
    return production ? { ...loaded, env: 'production' } : loaded;
  };

  const asApp = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ connectionString: database.appUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };

  it("refuses to start in production on the owner's or a superuser's DATABASE_URL, naming the keys", async () => {
    const production = config({ DATABASE_URL: database.url }, true);
    const refusal = await checkApplicationRole(production).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ConfigError);
    expect((refusal as ConfigError).problems[0]).toMatch(
      /^DATABASE_URL connects as "postgres", a superuser: .*DATABASE_MIGRATION_URL/,
    );
  });

  it("starts in production on the application's own login, and only warns elsewhere", async () => {
    await expect(checkApplicationRole(config({}, true))).resolves.toBeUndefined();
    await expect(checkApplicationRole(config({ DATABASE_URL: database.url }))).resolves.toBeUndefined();
  });

  it('says which key to set when pending migrations meet a login that may not apply them', async () => {
    const empty = await createTestDatabase({ empty: true });
    try {
      const env = testEnvironment(empty.url, 'postgres');
      const refusal = await migrateOnBoot(loadConfig({ ...env, DATABASE_MIGRATION_URL: '' })).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(ConfigError);
      expect((refusal as ConfigError).problems[0]).toMatch(
        /migrations are pending and DATABASE_URL \(DATABASE_MIGRATION_URL is not set\) may not apply them .*set DATABASE_MIGRATION_URL/,
      );
      // With the owner's URL beside it, the same start migrates and passes the check.
      await expect(migrateOnBoot(loadConfig(env))).resolves.toBeUndefined();
    } finally {
      await empty.drop();
    }
  });

  it("reaches a table a later migration creates, through the owner's default privileges, but never owns or truncates it", async () => {
    await database.dataSource.query('CREATE TABLE later_table (id int PRIMARY KEY)');
    await asApp(async (client) => {
      await client.query('INSERT INTO later_table VALUES (1)');
      await client.query('UPDATE later_table SET id = 2');
      expect((await client.query('SELECT id FROM later_table')).rows).toEqual([{ id: 2 }]);
      await client.query('DELETE FROM later_table');
      await expect(client.query('TRUNCATE later_table')).rejects.toThrow(/permission denied/);
      await expect(client.query('ALTER TABLE later_table ADD COLUMN x int')).rejects.toThrow(/must be owner/);
    });
  });

  it('only reads the views a feature publishes for others (a simple view would take writes through to its table)', async () => {
    await asApp(async (client) => {
      for (const view of ['reserved_places_v', 'occupied_stays_v', 'stay_departures_v']) {
        await expect(client.query(`SELECT * FROM ${view}`)).resolves.toBeDefined();
        // A view over a join takes no writes at all; one over a single table would, but for the grant.
        await expect(client.query(`DELETE FROM ${view}`)).rejects.toThrow(/permission denied|cannot delete from view/);
      }
      await expect(client.query('UPDATE reserved_places_v SET starts_at = now()')).rejects.toThrow(/permission denied/);
    });
  });

  it('cannot create objects in the schema the tables live in', async () => {
    await asApp(async (client) => {
      await expect(client.query('CREATE TABLE public.planted (id int)')).rejects.toThrow(/permission denied for schema public/);
      await expect(client.query('CREATE FUNCTION public.planted() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$')).rejects.toThrow(
        /permission denied for schema public/,
      );
    });
  });
});
