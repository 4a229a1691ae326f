// @ts-check
// Mutation testing (docs/mutation-testing.md). One scope per run, picked by STRYKER_SCOPE:
//   npm run mutate:domain | mutate:event-store | mutate:eventstoredb | mutate:api, or npm run mutate for all.
// Each scope mutates its own code, runs only the tests that judge that code, and keeps its own
// incremental file (committed, so a rerun on a fresh clone only retests what changed).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const notCode = ['!**/*.spec.ts', '!**/index.ts', '!**/testing/**', '!**/*.fixtures.ts'];

/** @type {Record<string, { mutate: string[]; tests: string[] }>} */
const scopes = {
  domain: {
    mutate: ['libs/domain/src/**/*.ts'],
    tests: ['<rootDir>/libs/domain/src/**/*.unit.spec.ts'],
  },
  // The port, hash chain, SQLite store and upcasting, judged by their specs and the contract run on SQLite.
  'event-store': {
    // fault-point.ts is a crash-test hook (a test helper that lives in the library so children can load it).
    mutate: ['libs/event-store/src/**/*.ts', '!libs/event-store/src/eventstoredb/**', '!libs/event-store/src/fault-point.ts'],
    tests: [
      '<rootDir>/libs/event-store/src/**/*.unit.spec.ts',
      '<rootDir>/libs/event-store/src/**/*.int.spec.ts',
      '<rootDir>/test/contract/sqlite-event-store.int.spec.ts',
      '<rootDir>/test/contract/same-chain-across-stores.int.spec.ts',
    ],
  },
  // The EventStoreDB adapter, judged by the contract run over the gRPC wire double: slower, so its own scope.
  eventstoredb: {
    mutate: ['libs/event-store/src/eventstoredb/**/*.ts'],
    tests: [
      '<rootDir>/libs/event-store/src/eventstoredb/**/*.unit.spec.ts',
      '<rootDir>/test/contract/eventstoredb-wire-double.int.spec.ts',
      '<rootDir>/test/contract/same-chain-across-stores.int.spec.ts',
    ],
  },
  // Commands, idempotency and auth of the API: judged by the API's own specs and the HTTP e2e suite.
  api: {
    mutate: ['apps/api/src/commands/**/*.ts', 'apps/api/src/auth/**/*.ts', 'apps/api/src/security/**/*.ts'],
    tests: [
      '<rootDir>/apps/api/src/**/*.unit.spec.ts',
      '<rootDir>/apps/api/src/**/*.int.spec.ts',
      '<rootDir>/test/e2e/**/*.e2e.spec.ts',
    ],
  },
};

const scopeName = process.env.STRYKER_SCOPE ?? 'domain';
const scope = scopes[scopeName];
if (!scope) throw new Error(`STRYKER_SCOPE must be one of ${Object.keys(scopes).join(', ')}, not ${scopeName}`);

// Tests make their SQLite files under the OS temp dir; on a RAM disk their fsyncs cost nothing,
// which makes a run of the store's tests about a third faster. What the tests check is the same.
if (!process.env.TMPDIR && existsSync('/dev/shm')) process.env.TMPDIR = '/dev/shm';

// The sandbox (a copy of the repo that Stryker mutates) lives outside the work tree: inside it,
// `npx jest` run by anyone meanwhile would find and run a second copy of every test.
const checkout = createHash('sha256').update(process.cwd()).digest('hex').slice(0, 10);

/**
 * Ignorer plugin: the wording of refusals. A ProgramRuleError's message (its second argument) and
 * the text of an InvalidAppendError or EventIdConflictError are for people; what callers rely on
 * is the error's class, a ProgramRuleError's code and details, the event id, and those are
 * asserted. Mutating every sentence would only ask for tests that copy the sentence. Stryker
 * reports these mutants as Ignored. Messages that tell an operator what to do (StoreOpenError,
 * StoreClosedError, WrongExpectedVersionError) are still mutated.
 */
const messageArgument = { ProgramRuleError: 1, InvalidAppendError: 0, EventIdConflictError: 1 };
const errorMessages = {
  shouldIgnore(/** @type {any} */ path) {
    const { node, parent } = path;
    if (!['StringLiteral', 'TemplateLiteral', 'BinaryExpression'].includes(node.type)) return undefined;
    if (parent?.type !== 'NewExpression' || parent.callee.type !== 'Identifier') return undefined;
    const index = messageArgument[/** @type {keyof typeof messageArgument} */ (parent.callee.name)];
    if (index === undefined || parent.arguments[index] !== node) return undefined;
    return `wording of a ${parent.callee.name} (for people; class, code, details and ids are what is asserted)`;
  },
};

/** Loaded by Stryker as a local plugin (see `plugins` below). */
export const strykerPlugins = [{ kind: 'Ignore', name: 'error-messages', value: errorMessages }];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  plugins: ['@stryker-mutator/jest-runner', './stryker.config.mjs'],
  ignorers: ['error-messages'],
  packageManager: 'npm',
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.stryker.config.js',
    config: { testMatch: scope.tests },
    enableFindRelatedTests: true,
  },
  coverageAnalysis: 'perTest',
  mutate: [...scope.mutate, ...notCode],
  ignorePatterns: ['/data', '/dist', '/coverage', '/.ci', '/reports', '/test/bench'],
  incremental: true,
  incrementalFile: `reports/stryker-incremental-${scopeName}.json`,
  reporters: ['progress', 'clear-text', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${scopeName}.html` },
  jsonReporter: { fileName: `reports/mutation/${scopeName}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  concurrency: 1,
  timeoutMS: 10000,
  tempDirName: join(tmpdir(), `c2g-stryker-${checkout}`),
  cleanTempDir: 'always',
  thresholds: { high: 85, low: 70, break: null },
};
