export * from './queue-factory';
export * from './queue.module';
export * from './bounded';
export * from './queue-probe';
