export * from './municipality-directory';
export * from './responsible-municipality';
export * from './validate-municipalities';
