import { Logger } from '@nestjs/common';
import type { ClientBase } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { QueryErrorLogger } from './query-error-logger';

/**
 * The persistent entities a data source knows: each feature lists its own (`REGISTRY_ENTITIES`, …)
 * and `@opvangplek/composition` puts them together as `ENTITIES`.
 */
export type EntityList = readonly Function[];

/**
 * `synchronize` stays off everywhere: the schema changes only through committed migrations.
 * `entities` is needed for repositories and for comparing the schema with the entities; running the
 * migrations alone needs none.
 */
export function dataSourceOptions(
  url: string,
  overrides: { poolSize?: number; applicationName?: string; entities?: EntityList } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [...(overrides.entities ?? [])],
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'all',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install on a managed server.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logger: new QueryErrorLogger(),
    poolSize: overrides.poolSize ?? 10,
    applicationName: overrides.applicationName ?? 'opvangplek',
    extra: {
      onConnect: keepLostConnectionsFromEndingTheProcess,
      // A call waiting for a free connection gives up (an error its caller sees) instead of waiting
      // for ever, and PostgreSQL ends a transaction left idle this long, with its locks: a process
      // whose pool is exhausted by transactions waiting on each other recovers by itself instead of
      // hanging every later call (red team, issue 15: twelve concurrent cancellations did that).
      connectionTimeoutMillis: POOL_WAIT_MS,
      idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
    },
  };
}

/** The longest a query waits for a connection of the pool. */
const POOL_WAIT_MS = 30_000;
/** The longest a transaction may sit idle (between its statements) before PostgreSQL ends it. */
const IDLE_IN_TRANSACTION_MS = 60_000;

const logger = new Logger('Database');

/**
 * pg-pool's `onConnect` hook, for every connection of the pool: an 'error' event with no listener
 * ends the process, and PostgreSQL going away (a restart: `57P01 terminating connection due to
 * administrator command`) sends one to every connection at once. pg-pool and TypeORM each listen
 * while they hold a connection, yet the fault suite's PostgreSQL restart (test/faults) ended an API
 * process that way in about one run of four, mid-transaction: some connection had no listener at
 * that moment. A listener that stays for the connection's life closes every such gap; the pool
 * and TypeORM still drop the broken connection as before, and the next query opens a new one.
 */
function keepLostConnectionsFromEndingTheProcess(client: ClientBase): void {
  client.on('error', (error: Error) => logger.warn(`database connection lost: ${error.message}`));
}
