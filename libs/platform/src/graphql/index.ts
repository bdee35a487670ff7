import './domain-enums';
export * from './format-error';
export * from './graphql.module';
export * from './request-authenticator';
export * from './app-error.filter';
export * from './calendar-date.scalar';
export * from './date-time.scalar';
export * from './security-events';
