// Test tiers live in the file name: *.unit.spec.ts (pure, fast), *.int.spec.ts (real SQLite,
// child processes), *.e2e.spec.ts (HTTP through the Nest app).
const swcrc = JSON.parse(require('fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'));

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  moduleNameMapper: {
    '^@c2g/domain(.*)$': '<rootDir>/libs/domain/src$1',
    '^@c2g/event-store(.*)$': '<rootDir>/libs/event-store/src$1',
    '^@c2g/projections(.*)$': '<rootDir>/projections/src$1',
    '^@c2g/telemetry(.*)$': '<rootDir>/libs/telemetry/src$1',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

module.exports = {
  // Two workers even on two cores (jest's default would be one): most files wait on child
  // processes, servers and fsyncs rather than compute. 263 s instead of 427 s here, all green.
  maxWorkers: 2,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/**/*.unit.spec.ts'] },
    { ...shared, displayName: 'int', testMatch: ['<rootDir>/**/*.int.spec.ts'], setupFilesAfterEnv: ['<rootDir>/test/support/int-timeout.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/**/*.e2e.spec.ts'] },
  ],
};
