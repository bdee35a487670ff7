import { Logger } from '@nestjs/common';
import type { AppConfig } from '@opvangplek/platform/config';
import { dataSourceOptions, migrateDatabase, startEmbeddedPostgres } from '@opvangplek/platform/database';
import { DataSource } from 'typeorm';

/**
 * Runs `work` with a migrated database: DATABASE_URL when set, else the embedded server in
 * DATA_DIR (started for the command and stopped after), so CLI commands work in zero-config mode too.
 */
export async function withMigratedDatabase<T>(config: AppConfig, work: (dataSource: DataSource, databaseUrl: string) => Promise<T>): Promise<T> {
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir);
  const databaseUrl = config.databaseUrl ?? embedded!.databaseUrl;
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, { poolSize: 4, applicationName: 'opvangplek-cli' }));
  try {
    await dataSource.initialize();
    const applied = await migrateDatabase(dataSource);
    if (applied.length > 0) Logger.log(`applied migrations: ${applied.join(', ')}`, 'Database');
    return await work(dataSource, databaseUrl);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}
