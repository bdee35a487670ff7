export * from './event-bus';
export * from './event-iterator';
export * from './events.module';
