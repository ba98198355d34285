// The 矛盾纠纷排查 register's migration (schema 22) writes its keyword index out as frozen SQL:
// the same objects createKeywordIndex makes for a table, so its keyword search is the index's.
import { describe, expect, it } from 'vitest';
import { createKeywordIndex, dropKeywordIndex } from '../../../electron/core/registers/keyword-index.ts';
import { memoryCore, ok } from '../../helpers/core.ts';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('screenings (schema 22)', () => {
  it("has the keyword index createKeywordIndex would create, and finds a record by a village's name", async () => {
    const core = memoryCore();
    const db = core.ctx.db;
    const objects = () =>
      (
        db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name LIKE 'screenings_fts%' ORDER BY name").all() as {
          type: string;
          name: string;
          sql: string | null;
        }[]
      ).map((o) => ({ ...o, sql: o.sql && norm(o.sql) }));
    const migrated = objects();
    expect(migrated.map((o) => o.name)).toEqual(
      expect.arrayContaining(['screenings_fts', 'screenings_fts_content', 'screenings_fts_insert', 'screenings_fts_delete', 'screenings_fts_update']),
    );
    dropKeywordIndex(db, { table: 'screenings' });
    createKeywordIndex(db, { table: 'screenings' });
    expect(objects()).toEqual(migrated);

    ok(await core.call('screenings.create', { record: { date: '2024-03-02', village: '清河村', found: 2 } }));
    ok(await core.call('screenings.create', { record: { date: '2024-03-09', committee: '镇人民调解委员会', found: 1 } }));
    expect(ok(await core.call('screenings.list', { year: 2024, keyword: '清河' })).total).toBe(1);
    expect(ok(await core.call('screenings.list', { year: 2024 })).total).toBe(2);
  });
});
