// jest applies moduleNameMapper to test files only; the global setup resolves the @opvangplek/* aliases itself.
import 'tsconfig-paths/register';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/platform/src/database/data-source-options';
import { migrateDatabase } from '../../libs/platform/src/database/migrate';
import { ensureApplicationLogin } from '../../libs/platform/src/database/application-role';
import { startEmbeddedPostgres } from '../../libs/platform/src/database/embedded-postgres';
import { databaseUrl, ENV, REPO_ROOT } from './test-env';

/**
 * Once per `jest` run: find a PostgreSQL server, create a template database with every migration
 * applied and a login in the application role for the apps under test, and tell the test files. Each test file then clones its own database from the
 * template in milliseconds (`CREATE DATABASE … TEMPLATE`), so files never share mutable data.
 */
export default async function globalSetup(): Promise<void> {
  // Two projects (medium, integration) name this setup; jest runs it for each in the same process.
  // One template serves both, and the teardown drops this run's databases and login once.
  if (process.env[ENV.template]) return;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const embedded = await startEmbeddedPostgres(path.join(REPO_ROOT, '.data', 'test-postgres'), { database: 'postgres' });
    adminUrl = embedded.databaseUrl;
    (globalThis as { __opvangplekStopEmbedded?: () => Promise<void> }).__opvangplekStopEmbedded = embedded.stop;
    console.log(`\n[tests] no TEST_DATABASE_URL: using embedded PostgreSQL (${adminUrl.replace(/:[^:@/]+@/, ':***@')})`);
  }
  if (!process.env.TEST_REDIS_URL) console.log('[tests] no TEST_REDIS_URL: Redis-backed tests are skipped (CI sets it)');
  buildConsoleIfMissing();

  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const template = `opvangplek_t_${runId}_template`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${template}"`);
  } finally {
    await admin.end();
  }
  const dataSource = new DataSource(dataSourceOptions(databaseUrl(adminUrl, template), { poolSize: 2 }));
  await dataSource.initialize();
  try {
    await migrateDatabase(dataSource);
  } finally {
    await dataSource.destroy();
  }
  // After the migrations, which created the application role (or found it) and granted it the tables.
  const appLogin = `opvangplek_t_${runId}_app`;
  const appPassword = randomBytes(18).toString('base64url');
  await ensureApplicationLogin(databaseUrl(adminUrl, template), appLogin, appPassword);
  process.env[ENV.adminUrl] = adminUrl;
  process.env[ENV.template] = template;
  process.env[ENV.runId] = runId;
  process.env[ENV.appLogin] = appLogin;
  process.env[ENV.appPassword] = appPassword;
}

/**
 * The console's tests (and the zero-config one) need dist/console. `npm test` builds it, but a bare
 * `nest build` empties dist/ first, so after one the console is built here, once, before any spec
 * file runs (specs building it themselves would race each other over the same folder).
 */
function buildConsoleIfMissing(): void {
  if (existsSync(path.join(REPO_ROOT, 'dist', 'console', 'index.html'))) return;
  console.log('[tests] dist/console is missing (a bare `nest build` empties dist/): building the console');
  execFileSync(
    process.execPath,
    [
      path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'apps/console/vite.config.mts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    },
  );
}
