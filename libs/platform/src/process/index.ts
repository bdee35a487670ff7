export * from './run-main';
export * from './args';
export * from './dist-process';
export * from './namespace-keys';
