import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The console's GraphQL types and typed documents, generated from the public contract (schema.gql) and
 * the operations the console sends (apps/console/src/api/documents.ts): `npm run codegen`. test/platform/console-types.spec.ts
 * fails when the checked-in file differs from what this produces.
 */
export const CONSOLE_TYPES_FILE = 'apps/console/src/api/generated.ts';

const config: CodegenConfig = {
  schema: 'schema.gql',
  documents: ['apps/console/src/api/documents.ts'],
  generates: {
    [CONSOLE_TYPES_FILE]: {
      plugins: [
        { add: { content: '/* Generated from schema.gql and documents.ts by `npm run codegen`: do not edit. */' } },
        'typescript-operations',
        // Each operation as a document typed with its result and variables (`MeDocument` for `query Me`):
        // urql infers both from it, so no call site writes a result shape of its own.
        'typed-document-node',
      ],
      config: {
        // typescript-operations (v6) writes the enums, inputs and scalars the operations use, then one type
        // per operation and fragment; typed-document-node then the documents themselves.
        // Enums as string unions: the console compares and lists them as plain strings.
        enumsAsTypes: true,
        skipTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: { Date: 'string', DateTime: 'string' },
        useTypeImports: true,
        // Each document built at run time by urql's `gql`, as documents.ts builds it (fragments joined
        // and deduplicated the same way): only its type is new. An AST literal would triple the file.
        documentMode: 'graphQLTag',
        gqlImport: 'urql#gql',
      },
    },
  },
  // Formatted as the rest of the code (the drift check formats its in-memory copy the same way).
  hooks: { afterOneFileWrite: ['prettier --write'] },
};

export default config;
