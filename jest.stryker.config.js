// Jest for Stryker only (npm run mutate*): one flat project, no `projects`, so Stryker's
// per-test coverage can hook its test environment in. It reuses the settings of jest.config.js
// (transform, path aliases) and runs only the tests that the mutated code is judged by; the
// stryker config narrows `testMatch` per scope. Not picked up by `npx jest`: its name is not a
// test file and jest.config.js does not list it.
const { displayName, testMatch, ...shared } = require('./jest.config.js').projects[0];

module.exports = {
  ...shared,
  setupFilesAfterEnv: ['<rootDir>/test/support/int-timeout.ts'],
  testMatch: [
    '<rootDir>/libs/**/*.unit.spec.ts',
    '<rootDir>/libs/**/*.int.spec.ts',
    '<rootDir>/test/contract/**/*.int.spec.ts',
  ],
};
