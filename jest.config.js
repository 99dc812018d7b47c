/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', diagnostics: false }],
  },
  testTimeout: 60000,
  // Totals for scripts/test-summary.mjs (CI reads a plain 'N passed, N failed' line).
  reporters: ['default', ['<rootDir>/scripts/jest-totals.js', {}]],
};
