// scripts/ledger-sql.ts: a ledger dumped as SQL text and loaded again is the same ledger —
// schema, version, every row — with a keyword index that finds what it found before.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import { dumpLedger, loadLedger } from '../../scripts/ledger-sql.ts';
import { ok, tempDir } from '../helpers/core.ts';

const t = tempDir('fazhi-ledger-sql-');
afterAll(() => t.cleanup());

const rowsOf = (db: Database.Database) =>
  Object.fromEntries(
    (
      db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name")
        .pluck()
        .all() as string[]
    ).map((name) => [
      name,
      db
        .prepare(`SELECT * FROM "${name}"`)
        .raw()
        .all()
        .map((r) => JSON.stringify(r))
        .sort(),
    ]),
  );

describe('a ledger as SQL text', () => {
  it('loads back to the same schema and rows, and its keyword index finds the same records', async () => {
    const original = join(t.dir, 'original.db');
    const core = createCore({ dbPath: original, mode: 'web' });
    ok(await core.call('demo.generate', { year: 2025 }));
    const found = ok(await core.call('activities.list', { keyword: '宪法', pageSize: 500 })) as { total: number };
    core.close();
    expect(found.total).toBeGreaterThan(0);

    const sql = dumpLedger(original);
    expect(sql).toMatch(/^PRAGMA user_version = \d+;$/m);
    const copy = join(t.dir, 'copy.db');
    loadLedger(sql, copy);

    const [a, b] = [new Database(original, { readonly: true }), new Database(copy, { readonly: true })];
    const schema = (db: Database.Database) => db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();
    expect(schema(b)).toEqual(schema(a));
    expect(b.pragma('user_version', { simple: true })).toBe(a.pragma('user_version', { simple: true }));
    expect(rowsOf(b)).toEqual(rowsOf(a));
    a.close();
    b.close();

    const reopened = createCore({ dbPath: copy, mode: 'web' });
    const again = ok(await reopened.call('activities.list', { keyword: '宪法', pageSize: 500 })) as { total: number };
    reopened.close();
    expect(again.total).toBe(found.total);
  });

  it('never writes over an existing file', () => {
    const file = join(t.dir, 'original.db');
    expect(() => loadLedger('SELECT 1;', file)).toThrow(/已存在/);
  });

  it('a dump cut short leaves nothing behind: no file, no empty ledger stamped with a version', () => {
    const sql = dumpLedger(join(t.dir, 'original.db'));
    const lines = sql.split('\n');
    for (const cut of [Math.floor(lines.length / 2), lines.length - 3]) {
      const file = join(t.dir, `cut-${cut}.db`);
      expect(() => loadLedger(lines.slice(0, cut).join('\n'), file)).toThrow(/不完整/);
      expect(existsSync(file)).toBe(false);
    }
    // complete in form but broken inside (a statement garbled): rolled back, the file removed
    const file = join(t.dir, 'broken.db');
    const broken = sql.replace(/INSERT INTO "activities" VALUES\(/, 'INSERT INTO "activities" VALUES(((');
    expect(() => loadLedger(broken, file)).toThrow();
    expect(existsSync(file)).toBe(false);
  });
});
