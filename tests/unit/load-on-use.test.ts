// Start-up loads only what it uses: --help no core at all, stats the database and the
// registers but no exceljs, docx, jszip, report, Excel or package code. (How fast is in
// npm run bench; this checks which modules a real process loads.)
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import { tempDir } from '../helpers/core.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');
const TRACE = join(ROOT, 'tests/helpers/trace-loads.mjs');

function loads(args: string[]): string[] {
  const r = spawnSync(NODE, ['--import', TRACE, 'scripts/launch.mjs', 'electron/cli/index.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return [...r.stderr.matchAll(/@@load (\S+)/g)].map((m) => m[1].replace(`file://${ROOT}`, ''));
}

// the domains a `stats` run has no use for load on first use only (backup/ loads with the core: pre-migration and daily backups)
const HEAVY = /node_modules\/(exceljs|docx|jszip)\/|electron\/core\/(report|exchange|excel|openness|demo)\//;

const { dir, cleanup } = tempDir('fazhi-load-');
afterAll(cleanup);

describe('load on use', () => {
  it('cli --help loads neither the core nor the database', () => {
    const loaded = loads(['--help']);
    expect(loaded.some((u) => u.endsWith('electron/cli/index.ts'))).toBe(true);
    expect(loaded.filter((u) => /node_modules\/|electron\/core\/(index|db|api|registers)/.test(u))).toEqual([]);
  });

  it('cli stats loads the database and the registers, nothing of the report, Excel or packages', async () => {
    const db = join(dir, 'ledger.db');
    const core = createCore({ dbPath: db });
    await core.call('demo.generate', { year: 2025 });
    core.close();
    const loaded = loads(['stats', '--year', '2025', '--db', db]);
    expect(loaded.some((u) => u.includes('node_modules/better-sqlite3/'))).toBe(true);
    expect(loaded.some((u) => u.endsWith('electron/core/registers/repository.ts'))).toBe(true);
    expect(loaded.some((u) => u.endsWith('electron/core/stats/year-stats.ts'))).toBe(true);
    expect(loaded.filter((u) => HEAVY.test(u))).toEqual([]);
  });

  it("cli reminders (首页's home domain) loads nothing of the report or the other domains", () => {
    const loaded = loads(['reminders', '--date', '2025-12-31', '--db', join(dir, 'ledger.db')]);
    expect(loaded.some((u) => u.endsWith('electron/core/home/handlers.ts'))).toBe(true);
    expect(loaded.filter((u) => HEAVY.test(u))).toEqual([]);
  });

  it('an Excel template loads exceljs on its first call, and still nothing of the report', async () => {
    const loaded = loads(['template-xlsx', 'activities', '--out', join(dir, 't.xlsx'), '--db', join(dir, 'ledger.db')]);
    expect(loaded.some((u) => u.includes('node_modules/exceljs/'))).toBe(true);
    expect(loaded.filter((u) => /node_modules\/docx\/|electron\/core\/report\//.test(u))).toEqual([]);
  });

  it('a report without the appendix loads docx but not jszip (only the appendix opens the .docx again)', () => {
    const db = join(dir, 'ledger.db');
    const loaded = loads(['report', '--year', '2025', '--out', join(dir, 'r.docx'), '--db', db]);
    expect(loaded.some((u) => u.includes('node_modules/docx/'))).toBe(true);
    expect(loaded.filter((u) => u.includes('node_modules/jszip/'))).toEqual([]);
    const withAppendix = loads(['report', '--year', '2025', '--appendix', '--out', join(dir, 'a.docx'), '--db', db]);
    expect(withAppendix.some((u) => u.includes('node_modules/jszip/'))).toBe(true);
  });
});
