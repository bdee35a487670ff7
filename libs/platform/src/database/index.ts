export * from './data-source-options';
export * from './database.module';
export * from './migrate';
export * from './migrate-on-boot';
export * from './embedded-postgres';
export * from './application-role';
export * from './one-statement';
export * from './constraint-violation';
