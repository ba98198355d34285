// The statement cache: one compiled statement per SQL text and row mode, so that one caller's
// row mode never reaches another caller of the same SQL.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { prepared } from '../../../electron/core/db/statements.ts';
import { memoryCore, ok, SAMPLES } from '../../helpers/core.ts';

describe('prepared', () => {
  it('gives objects, plucked values and arrays of the same SQL to each caller as it asked', () => {
    const db = new Database(':memory:');
    const sql = 'SELECT 7 AS n, 8 AS m';
    expect(prepared(db, sql, 'pluck').get()).toBe(7);
    expect(prepared(db, sql).get()).toEqual({ n: 7, m: 8 });
    expect(prepared(db, sql, 'raw').get()).toEqual([7, 8]);
    expect(prepared(db, sql).get()).toEqual({ n: 7, m: 8 });
    expect(prepared(db, sql)).toBe(prepared(db, sql));
    db.close();
  });

  it('keeps 首页 following the ledger after a package import (its change key once stood still)', async () => {
    const other = memoryCore();
    ok(await other.call('settings.update', { township: { name: '小陶镇', authority: '永安市小陶镇人民政府' } }));
    ok(await other.call('activities.create', { record: SAMPLES.activities }));
    const { content } = ok(await other.call('exchange.export', {}));
    const core = memoryCore();
    // as the 数据交换 page does: the preview, 首页's figures meanwhile, then the import
    ok(await core.call('exchange.preview', { content }));
    expect(ok(await core.call('years.counts', { year: 2024 })).counts.activities).toBe(0);
    ok(await core.call('exchange.import', { content }));
    expect(ok(await core.call('years.counts', { year: 2024 })).counts.activities).toBe(1);
    core.close();
    other.close();
  });
});
