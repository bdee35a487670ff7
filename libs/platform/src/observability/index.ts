export * from './logging.module';
export * from './metrics-registry';
export * from './metrics.module';
export * from './request-id';
export * from './http-metrics';
export * from './correlation';
