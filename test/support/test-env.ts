/**
 * Where the integration tests find their services. CI (`.ci/run`) sets TEST_DATABASE_URL and
 * TEST_REDIS_URL to the machine's PostgreSQL and Redis. Without TEST_DATABASE_URL the global setup
 * starts an embedded PostgreSQL (so `npm test` works on a machine with only Node); without
 * TEST_REDIS_URL the Redis-specific tests are skipped, saying so.
 */
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');

/** Environment keys the global setup hands to the test files. */
export const ENV = {
  adminUrl: 'OPVANGPLEK_TEST_ADMIN_URL',
  template: 'OPVANGPLEK_TEST_TEMPLATE',
  runId: 'OPVANGPLEK_TEST_RUN',
  /** This run's login in the application role (roles are cluster-wide: one per run, dropped at the end). */
  appLogin: 'OPVANGPLEK_TEST_APP_LOGIN',
  appPassword: 'OPVANGPLEK_TEST_APP_PASSWORD',
} as const;

export function testRedisUrl(): string | undefined {
  return process.env.TEST_REDIS_URL || undefined;
}

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: the database tests (medium, integration) must run through jest's global setup (npm test, npm run test:all)`,
    );
  return value;
}

/** A URL for another database on the same server. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * The same database as `ownerUrl`, logged in as this run's application login: what the app under
 * test connects with, so every spec runs it with production's privileges (no owner, no superuser).
 */
export function applicationUrl(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  url.username = encodeURIComponent(requireEnv(ENV.appLogin));
  url.password = encodeURIComponent(requireEnv(ENV.appPassword));
  return url.toString();
}

/** The test secret for signing tokens; at least 32 characters, as the config requires. */
export const TEST_JWT_SECRET = 'opvangplek-test-secret-0123456789abcdef';
