export * from './clock';
export * from './clock.module';
export * from './speed-schedule';
export * from './speed-changes';
