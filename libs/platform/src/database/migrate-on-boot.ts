import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { migrateDatabase } from './migrate';

/** Brings the schema up to date before a process starts serving; safe with several processes starting at once. */
export async function migrateOnBoot(config: AppConfig): Promise<void> {
  if (!config.databaseUrl) throw new Error('DATABASE_URL is not set: the API and worker processes need a PostgreSQL server');
  const dataSource = new DataSource({
    ...dataSourceOptions(config.databaseUrl, { poolSize: 2, applicationName: 'opvangplek-migrate' }),
  });
  await dataSource.initialize();
  try {
    const applied = await migrateDatabase(dataSource);
    if (applied.length > 0) Logger.log(`applied migrations: ${applied.join(', ')}`, 'Database');
  } finally {
    await dataSource.destroy();
  }
}
