/** Jest runs the TypeScript sources directly; `npm test` type-checks them first. */
module.exports = {
  testEnvironment: 'node',
  // The machine is small and shared (2 cores); a loaded run must not fail on wall-clock time.
  testTimeout: 30000,
  // zapier-platform-core exits a process past 250 app invocations once it holds 450 MB; a worker
  // that has grown over many files is replaced before it gets there, whatever the file order.
  maxWorkers: 2,
  workerIdleMemoryLimit: '350MB',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
  setupFilesAfterEnv: ['<rootDir>/test/setup-env.ts'],
  // The CLI tests (test/cli*.test.ts) spawn bin/sales-connect.js, which runs the built dist/.
  globalSetup: '<rootDir>/test/support/build-dist.js',
};
