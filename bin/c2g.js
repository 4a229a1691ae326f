#!/usr/bin/env node
// In a checkout (dev dependencies present) run the TypeScript source, so the CLI is never
// older than the code; in an install without them, run the build (`npm run build`).
const { join } = require('node:path');

const root = join(__dirname, '..');
let main;
try {
  require.resolve('@swc-node/register');
  process.env.SWC_NODE_PROJECT = join(root, 'tsconfig.json');
  require('@swc-node/register');
  main = join(root, 'apps', 'cli', 'src', 'main.ts');
} catch {
  main = join(root, 'dist', 'apps', 'cli', 'src', 'main.js');
}
require(main)
  .buildProgram()
  .parseAsync(process.argv)
  .catch((error) => {
    process.stderr.write(`c2g: ${error.message}\n`);
    process.exit(2);
  });
