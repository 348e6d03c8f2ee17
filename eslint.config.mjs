// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * Forbids files matching `files` to import the top-level folders (or root files) named in
 * `above`, whatever the depth of the importing file.
 */
function layer(files, above, why) {
  const patterns = above.flatMap((name) => ['', '../', '../../', '../../../'].map((up) => `${up}../${name}`));
  return [
    {
      files: [files],
      ignores: ['**/*.test.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          { patterns: [{ group: [...patterns, ...patterns.map((pattern) => `${pattern}/**`)], message: why }] },
        ],
      },
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      'dist/',
      // the benchmark's cached graphs, builds and scratch files (git-ignored)
      '.bench/',
      'coverage/',
      'node_modules/',
      'neo4j-launcher/',
      '.data/',
      '.artifacts/',
      '**/generated/',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: 'error',
    },
  },
  {
    // Resolver methods return what GraphQL awaits; decorators need the value imports.
    files: ['src/**/*.resolver.ts', 'src/**/*.type.ts', 'src/**/*.input.ts', 'src/graphql/pagination.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // The layers of docs/architecture.md: no import cycles, and a layer imports only those below it.
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Other files are read to follow their imports; they are TypeScript too.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  ...layer('src/db/**', ['graphql', 'modules', 'http', 'cli', 'schema'], 'src/db sits below GraphQL and the modules'),
  ...layer('src/errors/**', ['db', 'graphql', 'modules', 'http', 'cli', 'schema'], 'errors sit below everything'),
  ...layer(
    'src/graphql/**',
    ['modules', 'http', 'cli', 'schema'],
    'src/graphql is the shared GraphQL kit; feature code lives in src/modules',
  ),
  ...layer(
    'src/modules/**',
    ['http', 'cli', 'schema', 'app', 'main', 'context', 'seed', 'runtime'],
    'modules do not know how they are served; Context is in src/modules/request',
  ),
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
  prettier,
);
