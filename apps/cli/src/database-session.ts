import { Logger } from '@nestjs/common';
import {
  type AppConfig,
  dataSourceOptions,
  migrateDatabase,
  migrationRefused,
  startEmbeddedPostgres,
} from '@opvangplek/platform';
import { DataSource } from 'typeorm';
import { ENTITIES } from '@opvangplek/composition';

/**
 * Runs `work` with a migrated database: DATABASE_URL when set, else the embedded server in
 * DATA_DIR (started for the command and stopped after), so CLI commands work in zero-config mode too.
 * Migrations run as the owner (DATABASE_MIGRATION_URL, else DATABASE_URL); `work` runs as the
 * application (DATABASE_URL), or as the owner with `as: 'owner'`.
 */
export async function withMigratedDatabase<T>(
  config: AppConfig,
  work: (dataSource: DataSource, databaseUrl: string) => Promise<T>,
  options: { as?: 'application' | 'owner' } = {},
): Promise<T> {
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir);
  const applicationUrl = config.databaseUrl ?? embedded!.databaseUrl;
  const ownerUrl = config.databaseMigrationUrl ?? applicationUrl;
  const open = (url: string) =>
    new DataSource(dataSourceOptions(url, { entities: ENTITIES, poolSize: 4, applicationName: 'opvangplek-cli' }));
  const owner = open(ownerUrl);
  let application: DataSource | undefined;
  try {
    await owner.initialize();
    try {
      const applied = await migrateDatabase(owner);
      if (applied.length > 0) Logger.log(`applied migrations: ${applied.join(', ')}`, 'Database');
    } catch (error) {
      throw migrationRefused(error, config) ?? error;
    }
    if (options.as === 'owner' || ownerUrl === applicationUrl) return await work(owner, ownerUrl);
    application = open(applicationUrl);
    await application.initialize();
    return await work(application, applicationUrl);
  } finally {
    if (application?.isInitialized) await application.destroy();
    if (owner.isInitialized) await owner.destroy();
    await embedded?.stop();
  }
}

/** `withMigratedDatabase` with `work` as the owner: for comparing the schema with the entities. */
export function withMigratedOwnerDatabase<T>(
  config: AppConfig,
  work: (dataSource: DataSource, databaseUrl: string) => Promise<T>,
): Promise<T> {
  return withMigratedDatabase(config, work, { as: 'owner' });
}
