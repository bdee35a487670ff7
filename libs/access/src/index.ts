export * from './access.decorators';
export * from './access.module';
export * from './dev-secret';
export * from './token-issuer';
export * from './token-verifier';
export * from './viewer';
export * from './access-policy';
