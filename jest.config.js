/**
 * One jest run for every tier:
 * - `unit`: pure specs beside the code (libs/**), no services needed;
 * - `integration`: specs under test/ against a real PostgreSQL and Redis (see README, "Tests").
 *   Its global setup migrates a template database once; each spec file clones a private copy.
 */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const shared = {
  rootDir: '.',
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
};

module.exports = {
  testTimeout: 60_000,
  // A worker that holds more than this after a spec file is replaced by a fresh one. Each e2e spec
  // boots the whole service through the libs' index files, and a worker that ran ~100 of them grew
  // past V8's 4 GB heap limit on CI (jest keeps some of every file's module registry).
  workerIdleMemoryLimit: '1GB',
  projects: [
    {
      ...shared,
      displayName: 'unit',
      // console-types: the checked-in console types against schema.gql; table-owners: who writes
      // which table, read from the source. Neither needs services.
      testMatch: [
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/test/platform/console-types.spec.ts',
        '<rootDir>/test/platform/table-owners.spec.ts',
      ],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      testPathIgnorePatterns: [
        '/node_modules/',
        '<rootDir>/test/platform/console-types.spec.ts',
        '<rootDir>/test/platform/table-owners.spec.ts',
      ],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
