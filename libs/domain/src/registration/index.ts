export * from './victim-registration';
export * from './registration-statistics';
