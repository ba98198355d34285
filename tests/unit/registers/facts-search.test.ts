// 纠纷事实 is searchable by keyword: new cases through the mapping, cases already in a ledger
// through migration 23 (their search_text gains the facts; the keyword index follows).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from '../../../electron/core/db/migrations.ts';
import { createCore } from '../../../electron/core/index.ts';
import { searchText } from '../../../electron/core/registers/mapping.ts';
import { MEDIATION_CASE } from '../../../electron/shared/registers.ts';
import { memoryCore, ok, tempDir } from '../../helpers/core.ts';

const record = {
  acceptedOn: '2025-03-01',
  type: 'neighbor',
  status: 'in_progress',
  village: '东岗村',
  parties: '王某、李某',
  facts: '因排水沟填埋致房屋受潮，双方争执',
};

describe('纠纷事实 by keyword', () => {
  it('finds a new case by a word of its facts', async () => {
    const core = memoryCore();
    const c = ok(await core.call('mediationCases.create', { record }));
    expect(ok(await core.call('mediationCases.list', { keyword: '排水沟填埋' })).items.map((i) => i.id)).toEqual([c.id]);
    core.close();
  });

  it('finds a case written before (schema 16) once the ledger is upgraded, with the same search_text as a new write', async () => {
    const tmp = tempDir();
    const path = join(tmp.dir, 'ledger.db');
    let core = createCore({ dbPath: path });
    const c = ok(await core.call('mediationCases.create', { record: { ...record, notes: 'ABC备注' } }));
    core.close();
    // as the old code left it: search_text without the facts, the schema version before 23
    const db = new Database(path);
    migrate(db); // registers the keyword functions the triggers call
    const old = searchText(
      { ...MEDIATION_CASE, fields: MEDIATION_CASE.fields.filter((f) => f.key !== 'facts') },
      { ...record, notes: 'ABC备注', caseNo: c.caseNo },
    );
    db.prepare('UPDATE mediation_cases SET search_text = ? WHERE id = ?').run(old, c.id);
    db.pragma(`user_version = ${Math.max(...MIGRATIONS.filter((m) => m.version < 23).map((m) => m.version))}`);
    db.close();
    core = createCore({ dbPath: path });
    expect(ok(await core.call('mediationCases.list', { keyword: '排水沟填埋' })).items.map((i) => i.id)).toEqual([c.id]);
    expect(ok(await core.call('mediationCases.list', { keyword: 'abc备注' })).total).toBe(1);
    const row = core.ctx.db.prepare('SELECT search_text AS s FROM mediation_cases WHERE id = ?').get(c.id) as { s: string };
    expect(row.s).toBe(searchText(MEDIATION_CASE, { ...record, notes: 'ABC备注', caseNo: c.caseNo }));
    core.close();
    tmp.cleanup();
  });
});
