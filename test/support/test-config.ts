import { type AppConfig, loadConfig } from '@opvangplek/platform/config';
import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import { applicationUrl, TEST_JWT_SECRET, testRedisUrl } from './test-env';

/** The audit chain's HMAC key in tests (32 bytes, base64). */
export const TEST_AUDIT_KEY = Buffer.alloc(32, 11).toString('base64');

export type Backend = 'postgres' | 'redis';

/** A unique namespace keeps Redis keys, channels and the jobs schema of concurrent tests apart. */
export function uniqueNamespace(): string {
  return `t_${randomBytes(5).toString('hex')}`;
}

/** The environment a test process (in-process app or spawned process) runs with, on the database at the owner's `databaseUrl`. */
export function testEnvironment(databaseUrl: string, backend: Backend, namespace = uniqueNamespace()): Record<string, string> {
  const redisUrl = testRedisUrl();
  if (backend === 'redis' && !redisUrl) throw new Error('TEST_REDIS_URL is needed for a Redis-backed test');
  return {
    NODE_ENV: 'test',
    // Given the owner's URL, the app runs as the application role and migrates as the owner, as in production.
    DATABASE_URL: applicationUrl(databaseUrl),
    DATABASE_MIGRATION_URL: databaseUrl,
    ...(backend === 'redis' ? { REDIS_URL: redisUrl! } : {}),
    QUEUE_BACKEND: backend,
    EVENTS_BACKEND: backend,
    OPVANGPLEK_NAMESPACE: namespace,
    JWT_SECRET: TEST_JWT_SECRET,
    DATA_DIR: path.join(os.tmpdir(), `opvangplek-test-${namespace}`),
    // One audit key for every test process, so a test can verify a chain an app under test sealed.
    AUDIT_KEY: TEST_AUDIT_KEY,
    HOST: '127.0.0.1',
    PORT: '0',
    // Specs submit many identical requests on purpose (filling places, one test per person) and
    // without clientReference: off here; the implicit-retry specs turn it on (IMPLICIT_RETRY_SECONDS).
    IMPLICIT_RETRY_SECONDS: '0',
    // Specs written for one offer at a time follow one facility's answers: off here; the
    // parallel-offers specs turn it on (PARALLEL_OFFERS_ACUTE, default 3 outside tests).
    PARALLEL_OFFERS_ACUTE: '1',
    // Specs written around the first default follow its half hour (escalation.e2e-spec.ts takes the
    // default of 10 minutes, ESCALATE_AFTER_MINUTES).
    ESCALATE_AFTER_MINUTES: '30',
  };
}

export function testConfig(
  databaseUrl: string,
  backend: Backend = 'postgres',
  namespace?: string,
  env: Record<string, string> = {},
): AppConfig {
  return loadConfig({ ...testEnvironment(databaseUrl, backend, namespace), ...env });
}
