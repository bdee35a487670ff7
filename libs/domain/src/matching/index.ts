export * from './advice';
export * from './geo';
export * from './score';
export * from './specialised-kind';
export * from './match-facilities';
