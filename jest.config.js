/**
 * One run covers unit tests (beside the code, `src/**\/*.test.ts`) and integration tests against
 * a real Neo4j (`test/**\/*.test.ts`). The global setup starts one Neo4j for the run (or uses
 * NEO4J_URI); files run one at a time because each resets that database for itself.
 * Type checking is `npm run typecheck`'s job, so tests are only transpiled.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json', diagnostics: false }],
    // jose ships ES modules only; Jest's CommonJS runtime needs them compiled like our own code.
    '/node_modules/jose/.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022', isolatedModules: true }, diagnostics: false },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
  maxWorkers: 1,
  testTimeout: 60_000,
};
