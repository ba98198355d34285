import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { assertNodeVersion } from './electron/core/util/node-version.ts';

// better-sqlite3 13 segfaults on Node 20: say so instead of crashing.
assertNodeVersion();

export default defineConfig({
  test: {
    projects: [
      {
        // the renderer's aliases, for the tests of its plain modules (register-pages.test.ts)
        resolve: {
          alias: {
            '@/': fileURLToPath(new URL('./renderer/src/', import.meta.url)),
            '@shared/': fileURLToPath(new URL('./electron/shared/', import.meta.url)),
          },
        },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          pool: 'forks',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // the real Electron window (tests/electron/harness.ts says which app); skipped loudly without one
          name: 'electron',
          include: ['tests/electron/**/*.test.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
