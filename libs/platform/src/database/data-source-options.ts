import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** `synchronize` stays off everywhere: the schema changes only through committed migrations. */
export function dataSourceOptions(
  url: string,
  overrides: { poolSize?: number; applicationName?: string } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'all',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install on a managed server.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: ['error'],
    poolSize: overrides.poolSize ?? 10,
    applicationName: overrides.applicationName ?? 'opvangplek',
  };
}
