import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { assertNodeVersion } from './electron/core/util/node-version.ts';

// better-sqlite3 13 segfaults on Node 20: say so instead of crashing.
assertNodeVersion();

/**
 * The unit tests that start processes (the CLI, git, Node, LibreOffice) or run ESLint:
 * seconds each, so they are their own project (`unit-slow`) and `npm run test:unit`
 * stays quick. Found by what the file imports, so a new test lands on the right side.
 */
export function slowUnitTests(root = fileURLToPath(new URL('.', import.meta.url))): string[] {
  const dir = 'tests/unit';
  return (readdirSync(`${root}/${dir}`, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `${dir}/${f.replaceAll('\\', '/')}`)
    .filter((f) => /from '(node:child_process|eslint)'/.test(readFileSync(`${root}/${f}`, 'utf8')))
    .sort();
}
const SLOW_UNIT_TESTS = slowUnitTests();

// the renderer's aliases, for the tests of its plain modules (register-pages.test.ts)
const rendererAliases = {
  alias: {
    '@/': fileURLToPath(new URL('./renderer/src/', import.meta.url)),
    '@shared/': fileURLToPath(new URL('./electron/shared/', import.meta.url)),
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: rendererAliases,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: SLOW_UNIT_TESTS,
          pool: 'forks',
          testTimeout: 20_000,
        },
      },
      {
        resolve: rendererAliases,
        test: {
          name: 'unit-slow',
          include: SLOW_UNIT_TESTS,
          pool: 'forks',
          // each starts processes: a busy machine makes them slower, never wrong
          testTimeout: 90_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          pool: 'forks',
          fileParallelism: false,
          // a real browser on a shared 2-core machine: a dropdown's animation can miss its frame once;
          // a test that fails twice in a row fails (a real fault fails every time)
          retry: 1,
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
