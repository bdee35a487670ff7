/**
 * The test tiers, one jest project each (README, "Tests"):
 * - `unit`: pure specs beside the code (libs/**, apps/**), no services needed;
 * - `medium`: `*.medium-spec.ts` under test/, a feature's Nest providers on a private clone of the
 *   migrated template database, a fixed clock, jobs run inline (test/support/medium-harness.ts):
 *   the workflow's rules, without HTTP, polling or a second process;
 * - `integration`: `*.spec.ts` and `*.e2e-spec.ts` under test/, against a real PostgreSQL and Redis:
 *   the user journeys over HTTP and WebSocket, the browser, the multi-process and fault proofs.
 * The database tiers share a global setup that migrates a template database once per run; each
 * spec file clones a private copy. `npm test` runs unit and medium, `npm run test:all` all three.
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
      displayName: 'medium',
      testMatch: ['<rootDir>/test/**/*.medium-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
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
