// scripts/make-schema-fixtures.ts: which code wrote each schema version's fixture.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../electron/core/db/migrations.ts';
import { fixtureVersions, maxVersionIn, maxVersionOfFiles, schemaVersionAt, sourceCommitFor } from '../../scripts/make-schema-fixtures.ts';

const root = new URL('../../', import.meta.url);
const shallow = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: root, encoding: 'utf8' }).trim() !== 'false';
  } catch {
    return true;
  }
})();

describe('schema fixture generator', () => {
  it('reads the newest version of either layout: the one array (up to 16) or one file per migration', () => {
    expect(maxVersionOfFiles(readdirSync(new URL('electron/core/db/migrations/', root)))).toBe(LATEST_VERSION);
    expect(maxVersionOfFiles(['001-ledger-tables.ts', 'electron/core/db/migrations/016-demo-record-marks.ts', 'common-columns.ts'])).toBe(16);
    expect(maxVersionIn('{ version: 1, name: "a" }, { version: 13, name: "b" }, { version: 4, name: "c" }')).toBe(13);
    expect(maxVersionIn('no migrations')).toBe(0);
  });

  it('writes the newest version with today’s code', () => {
    expect(sourceCommitFor(LATEST_VERSION)).toBeNull();
    expect(fixtureVersions()).toEqual(expect.arrayContaining([1, 2]));
  });

  it.skipIf(shallow)('writes version 1 with the last commit whose newest migration was 1', () => {
    const commit = sourceCommitFor(1);
    expect(commit).toMatch(/^[0-9a-f]{40}$/);
    expect(schemaVersionAt(commit ?? '')).toBe(1);
    // and its child brought version 2
    const child = execFileSync('git', ['rev-list', '--ancestry-path', `${commit}..HEAD`, '--reverse', '--', 'electron/core/db/migrations.ts'], {
      cwd: root,
      encoding: 'utf8',
    }).split('\n')[0];
    expect(schemaVersionAt(child)).toBeGreaterThan(1);
  });
});
