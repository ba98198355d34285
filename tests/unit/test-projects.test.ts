// npm run test:unit stays quick: the tests that start processes or run ESLint are the
// unit-slow project (vitest.config.ts finds them by their imports); npm test runs both.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { slowUnitTests } from '../../vitest.config.ts';

describe('the unit test projects', () => {
  const slow = slowUnitTests();

  it('put the tests that start processes, LibreOffice or ESLint in unit-slow', () => {
    expect(slow).toEqual(
      expect.arrayContaining([
        'tests/unit/report/report-render.test.ts',
        'tests/unit/lint-promises.test.ts',
        'tests/unit/cli-usage.test.ts',
        'tests/unit/two-writers.test.ts',
      ]),
    );
  });

  it('keep the in-process tests in unit', () => {
    for (const quick of ['tests/unit/upgrade.test.ts', 'tests/unit/migrations.test.ts', 'tests/unit/test-projects.test.ts']) expect(slow).not.toContain(quick);
  });

  it('npm test runs both, test:unit only the quick one', () => {
    const scripts = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['test:unit']).toBe('vitest run --project unit');
    expect(scripts['test:slow']).toBe('vitest run --project unit-slow');
    expect(scripts.test).toContain('npm run test:unit && npm run test:slow');
  });
});
