// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/artifacts/**', '*.js', '*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      // Migrations are listed as constructors (TypeORM's own type for them).
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    // The console (browser, React): the rules of hooks, which the type checker cannot see.
    files: ['apps/console/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['apps/console/src/**/*.{ts,tsx}'],
    ignores: ['apps/console/src/api/documents.ts'],
    rules: {
      // Screens take the typed documents codegen makes of documents.ts (generated.ts), so results and
      // variables are schema.gql's; the untyped strings would let a hand-written shape back in.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/api/documents', './documents'], message: 'Import the typed document from api/generated.' }] },
      ],
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      // The domain core stays free of frameworks and I/O (conventions.md).
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@nestjs/*',
            'typeorm',
            'pg',
            'ioredis',
            'bullmq',
            'node:fs',
            'node:net',
            '@opvangplek/platform*',
            '@opvangplek/access*',
          ],
        },
      ],
    },
  },
);
