import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The console is served by the API at /console/; C2G_CONSOLE_OUT lets a test build into a temp dir.
export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: process.env.C2G_CONSOLE_OUT ?? resolve(import.meta.dirname, '../../dist/console'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1000,
  },
});
