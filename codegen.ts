import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The typed client: TypeScript types and typed document nodes for the README's example
 * operations (client/operations), from the committed schema. `npm run codegen` rewrites
 * client/generated/graphql.ts; test/client/codegen.test.ts fails when it is stale.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: 'client/operations/*.graphql',
  generates: {
    'client/generated/graphql.ts': {
      // typescript-operations alone emits only the enums and inputs the operations use, so schema
      // changes elsewhere leave the file as it is.
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        // String unions rather than TypeScript enums: responses are plain JSON.
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTimeISO: 'string' },
      },
    },
  },
};

export default config;
