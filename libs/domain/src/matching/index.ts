export * from './advice';
export * from './geo';
export * from './score';
export * from './specialised-kind';
export * from './match-facilities';
export * from './register-index';
export * from './match-page';
export * from './group-split-preview';
