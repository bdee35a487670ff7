import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { dataSourceOptions, type EntityList } from './data-source-options';

/** The process's database connection, knowing `entities` (the composition's list of every feature's). */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(entities: EntityList): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => {
            if (!config.databaseUrl)
              throw new Error('DATABASE_URL is not set (the standalone launcher sets it in zero-config mode)');
            return dataSourceOptions(config.databaseUrl, { entities });
          },
        }),
      ],
    };
  }
}
