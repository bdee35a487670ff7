import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AppConfig, ConfigError } from '../config/app-config';
import { checkApplicationRole } from './application-role';
import { dataSourceOptions } from './data-source-options';
import { migrateDatabase } from './migrate';

/**
 * Brings the schema up to date before a process starts serving, as the owner (DATABASE_MIGRATION_URL,
 * else DATABASE_URL); safe with several processes starting at once. Then checks that the
 * application's own connection cannot rewrite the audit log (refused in production).
 */
export async function migrateOnBoot(config: AppConfig): Promise<void> {
  if (!config.databaseUrl) throw new Error('DATABASE_URL is not set: the API and worker processes need a PostgreSQL server');
  const owner = config.databaseMigrationUrl ?? config.databaseUrl;
  const dataSource = new DataSource({
    ...dataSourceOptions(owner, { poolSize: 2, applicationName: 'opvangplek-migrate' }),
  });
  await dataSource.initialize();
  try {
    const applied = await migrateDatabase(dataSource);
    if (applied.length > 0) Logger.log(`applied migrations: ${applied.join(', ')}`, 'Database');
  } catch (error) {
    throw migrationRefused(error, config) ?? error;
  } finally {
    await dataSource.destroy();
  }
  await checkApplicationRole(config);
}

/** A migration the connection may not run: the application's own login was used to migrate. */
export function migrationRefused(error: unknown, config: Pick<AppConfig, 'databaseMigrationUrl'>): ConfigError | undefined {
  if ((error as { code?: string }).code !== '42501') return undefined;
  const via = config.databaseMigrationUrl ? 'DATABASE_MIGRATION_URL' : 'DATABASE_URL (DATABASE_MIGRATION_URL is not set)';
  return new ConfigError([
    `migrations are pending and ${via} may not apply them (${(error as Error).message}): ` +
      'set DATABASE_MIGRATION_URL to the tables\' owner (README, "Database roles")',
  ]);
}
