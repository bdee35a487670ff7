/**
 * The house's boundaries, checked by `npm run lint` (`npm run lint:boundaries`):
 *
 *   apps → composition → features → platform → domain
 *
 * - domain: pure rules, imports no other lib;
 * - platform: infrastructure (config, database, queues, crypto, GraphQL, HTTP), imports only domain;
 * - features (access, registry, capacity, matching, placement, insight, interop, notifications,
 *   registration): each its own lib; a feature may use another feature, through its index only;
 * - composition: the service's processes put together (the API and worker modules, the entity list,
 *   the API bootstrap, the register seed), for the apps, the bench and the tests;
 * - apps: entry points only; no app imports another.
 *
 * Every lib has one public entry, `libs/<lib>/src/index.ts` (`@opvangplek/<lib>`): nothing outside a
 * lib imports its other files. The tests (test/) may reach into a lib to test its parts.
 */

const FEATURES = '(access|registry|capacity|matching|placement|insight|interop|notifications|registration)';

module.exports = {
  forbidden: [
    {
      name: 'deep-import-into-lib',
      comment: "Import another lib through its public entry only: '@opvangplek/<lib>' (its src/index.ts).",
      severity: 'error',
      from: { path: '^(apps|libs)/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/.+', pathNot: ['^libs/$2/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'app-imports-app',
      comment: 'No app imports another: what two apps share lives in a lib.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'lib-imports-app',
      comment: 'Libs never import an app.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'domain-imports-upward',
      comment: 'The domain is pure: it imports no other lib.',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { path: '^libs/', pathNot: '^libs/domain/' },
    },
    {
      name: 'platform-imports-upward',
      comment: 'The platform imports only the domain; features register themselves with it.',
      severity: 'error',
      from: { path: '^libs/platform/' },
      to: { path: '^libs/', pathNot: ['^libs/platform/', '^libs/domain/'] },
    },
    {
      name: 'feature-imports-composition',
      comment: 'Features do not know how the processes are composed.',
      severity: 'error',
      from: { path: `^libs/${FEATURES}/` },
      to: { path: '^libs/composition/' },
    },
    {
      name: 'lib-cycle',
      comment:
        'No cycle between libs: through the index files, a cycle hands Nest and TypeORM decorators an undefined class at load time.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { circular: true, path: '^libs/', pathNot: '^libs/$1/' },
    },
    {
      name: 'unknown-lib',
      comment: 'Every lib has a layer: add a new one to the layers in .dependency-cruiser.cjs.',
      severity: 'error',
      from: { path: '^libs/', pathNot: `^libs/(domain|platform|composition|${FEATURES.slice(1, -1)})/` },
      to: {},
    },
  ],
  options: {
    includeOnly: '^(apps|libs)/',
    exclude: { path: '^apps/console/' },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
