export * from './app-error';
export * from './ids';
