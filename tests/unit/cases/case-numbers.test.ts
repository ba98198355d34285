// 案号: the next number of the year in the pattern of 设置, and unique within the
// year of 受理 — in the API (create, update, restore), a package import and as data warnings.
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { CaseNumbers, duplicateCaseNos, formatCaseNo, normalizeCaseNo, sequenceOf, shortName } from '../../../electron/core/registers/case-number.ts';
import type { Core } from '../../../electron/core/index.ts';
import { migrate, MIGRATIONS } from '../../../electron/core/db/migrations.ts';
import { err, memoryCore, ok } from '../../helpers/core.ts';

let core: Core;
beforeEach(async () => {
  core = memoryCore();
  ok(await core.call('settings.update', { township: { name: '清河镇', authority: '临江县清河镇人民政府' } }));
});

const base = { type: 'neighbor', status: 'in_progress' } as const;
const create = async (rec: Record<string, unknown>) => ok(await core.call('mediationCases.create', { record: { ...base, ...rec } }));

describe('案号 pattern', () => {
  it('takes the 简称 of the township without 镇/乡/街道', () => {
    expect(shortName('清河镇')).toBe('清河');
    expect(shortName('小陶乡')).toBe('小陶');
    expect(shortName('城关街道')).toBe('城关');
    expect(shortName('镇')).toBe('镇');
  });

  it('formats and reads back a 序号, padded when the pattern says so', () => {
    expect(formatCaseNo('{简称}调〔{年度}〕{序号}号', '清河镇', 2025, 7)).toBe('清河调〔2025〕7号');
    expect(formatCaseNo('{乡镇}人调字〔{年度}〕第{序号:3}号', '清河镇', 2025, 7)).toBe('清河镇人调字〔2025〕第007号');
    expect(sequenceOf('{简称}调〔{年度}〕{序号}号', '清河镇', 2025, '清河调〔2025〕201号')).toBe(201);
    expect(sequenceOf('{简称}调〔{年度}〕{序号}号', '清河镇', 2025, '清河调[2025]12号')).toBe(12);
    expect(sequenceOf('{简称}调〔{年度}〕{序号}号', '清河镇', 2025, '清河调〔2024〕12号')).toBeNull();
    expect(sequenceOf('{简称}调〔{年度}〕{序号}号', '清河镇', 2025, '其他格式12')).toBeNull();
    expect(normalizeCaseNo(' 清河调（2025）3号 ')).toBe(normalizeCaseNo('清河调〔2025〕3号'));
  });
});

describe('案号 numbering', () => {
  it('starts each year at 1 and goes on from the highest 序号 of that year', async () => {
    expect(ok(await core.call('cases.nextCaseNo', { year: 2025 }))).toBe('清河调〔2025〕1号');
    await create({ acceptedOn: '2025-01-03', caseNo: '清河调〔2025〕1号' });
    await create({ acceptedOn: '2025-02-03', caseNo: '清河调〔2025〕5号' });
    await create({ acceptedOn: '2025-02-04', caseNo: '旧格式-99' });
    await create({ acceptedOn: '2024-12-30', caseNo: '清河调〔2024〕40号' });
    expect(ok(await core.call('cases.nextCaseNo', { year: 2025 }))).toBe('清河调〔2025〕6号');
    expect(ok(await core.call('cases.nextCaseNo', { year: 2024 }))).toBe('清河调〔2024〕41号');
    expect(ok(await core.call('cases.nextCaseNo', { year: 2026 }))).toBe('清河调〔2026〕1号');
  });

  it('assigns the next number to a new case saved without one', async () => {
    const a = await create({ acceptedOn: '2025-03-01' });
    const b = await create({ acceptedOn: '2025-03-02', caseNo: '' });
    expect([a.caseNo, b.caseNo]).toEqual(['清河调〔2025〕1号', '清河调〔2025〕2号']);
  });

  it('never reuses the number of a case in the 回收站', async () => {
    const a = await create({ acceptedOn: '2025-03-01' });
    ok(await core.call('mediationCases.delete', { id: a.id }));
    expect(ok(await core.call('cases.nextCaseNo', { year: 2025 }))).toBe('清河调〔2025〕2号');
  });

  it('follows the pattern set in 设置, and refuses a pattern without {序号}', async () => {
    ok(await core.call('settings.update', { caseNoPattern: '{乡镇}人调〔{年度}〕{序号:3}号' }));
    await create({ acceptedOn: '2025-03-01' });
    expect(ok(await core.call('cases.nextCaseNo', { year: 2025 }))).toBe('清河镇人调〔2025〕002号');
    expect(err(await core.call('settings.update', { caseNoPattern: '{简称}调〔{年度}〕号' })).message).toContain('{序号}');
    expect(err(await core.call('settings.update', { caseNoPattern: '{简称}{月份}{序号}' })).message).toContain('占位符');
  });
});

describe('案号 unique within the year', () => {
  it('refuses a duplicate on create, naming the other case (案号, 受理日期, 纠纷类型) without personal data or its id', async () => {
    const first = await create({ acceptedOn: '2025-03-01', caseNo: '清河调〔2025〕201号', partyList: [{ name: '王建国' }, { name: '李秀英' }] });
    const e = err(await core.call('mediationCases.create', { record: { ...base, acceptedOn: '2025-06-01', caseNo: '清河调[2025]201号' } }));
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('案号“清河调[2025]201号”在2025年已被另一件案件使用');
    expect(e.message).toContain(`清河调〔2025〕201号，2025-03-01受理的邻里纠纷`);
    expect(e.message).not.toContain(first.id);
    expect(e.message).toContain('请改用 清河调〔2025〕202号');
    expect(e.message).not.toContain('王建国');
    expect(e.issues).toEqual([{ field: 'caseNo', message: expect.stringContaining('已被另一件案件使用') }]);
    expect(ok(await core.call('mediationCases.list', { year: 2025 })).total).toBe(1);
  });

  it('allows the same number in another year when the number names no year, and keeping its own number on update', async () => {
    ok(await core.call('settings.update', { caseNoPattern: '{简称}调字第{序号}号' }));
    const a = await create({ acceptedOn: '2025-03-01', caseNo: '清河调字第1号' });
    await create({ acceptedOn: '2026-03-01', caseNo: '清河调字第1号' });
    ok(await core.call('mediationCases.update', { id: a.id, record: { ...base, acceptedOn: '2025-03-01', caseNo: '清河调字第1号', village: '石桥村' } }));
    // a number that names its year (〔2025〕) is that year's, whatever the 受理日期
    ok(await core.call('settings.update', { caseNoPattern: '{简称}调〔{年度}〕{序号}号' }));
    await create({ acceptedOn: '2025-03-01', caseNo: '清河调〔2025〕1号' });
    const e = err(await core.call('mediationCases.create', { record: { ...base, acceptedOn: '2026-03-01', caseNo: '清河调〔2025〕1号' } }));
    expect(e.message).toContain('案号“清河调〔2025〕1号”在2025年已被另一件案件使用');
  });

  it('refuses an update to a number taken, and restoring a case whose number was given to another', async () => {
    const a = await create({ acceptedOn: '2025-03-01' });
    const b = await create({ acceptedOn: '2025-03-02' });
    const e = err(await core.call('mediationCases.update', { id: b.id, record: { ...base, acceptedOn: '2025-03-02', caseNo: a.caseNo } }));
    expect(e.message).not.toContain(a.id);
    ok(await core.call('mediationCases.delete', { id: a.id }));
    ok(await core.call('mediationCases.update', { id: b.id, record: { ...base, acceptedOn: '2025-03-02', caseNo: a.caseNo } }));
    const r = err(await core.call('mediationCases.restore', { id: a.id }));
    expect(r.message).toMatch(/^不能恢复：案号“清河调〔2025〕1号”在2025年已被另一件案件使用/);
  });

  it('answers the form’s check as the clerk types', async () => {
    const a = await create({ acceptedOn: '2025-03-01' });
    expect(ok(await core.call('cases.checkCaseNo', { caseNo: '清河调〔2025〕1号', acceptedOn: '2025-05-01' })).free).toBe(false);
    expect(ok(await core.call('cases.checkCaseNo', { caseNo: '清河调〔2025〕1号', acceptedOn: '2025-05-01', id: a.id })).free).toBe(true);
    // the number names 2025: a case accepted in 2024 cannot hold it either
    expect(ok(await core.call('cases.checkCaseNo', { caseNo: '清河调〔2025〕1号', acceptedOn: '2024-05-01' })).free).toBe(false);
    expect(ok(await core.call('cases.checkCaseNo', { caseNo: '清河调〔2024〕1号', acceptedOn: '2024-05-01' })).free).toBe(true);
  });

  const pkg = (cases: Record<string, unknown>[]) =>
    JSON.stringify({
      format: 'fazhi-ledger-package',
      version: 1,
      township: { name: '清河镇', authority: '临江县清河镇人民政府' },
      mediationCases: cases.map((c) => ({ type: 'neighbor', status: 'in_progress', ...c })),
    });

  it('refuses a package giving two cases of one year the same 案号, naming both, and writes nothing', async () => {
    const r = ok(
      await core.call('exchange.import', {
        content: pkg([
          { id: 'c1', acceptedOn: '2025-03-01', caseNo: '清河调〔2025〕3号' },
          { id: 'c2', acceptedOn: '2025-04-01', caseNo: '清河调〔2025〕3号' },
          { id: 'c3', acceptedOn: '2024-04-01', caseNo: '清河调〔2025〕3号' },
        ]),
      }),
    );
    expect(r.applied).toBe(false);
    // c3 was accepted in 2024, but its number names 2025: the same number
    expect(r.issues.map((i) => i.id)).toEqual(['c2', 'c3']);
    expect(r.issues[0]).toMatchObject({ id: 'c2', field: 'caseNo' });
    expect(r.issues[0].message).toContain('案号“清河调〔2025〕3号”在2025年已被另一件案件使用：本数据包中的人民调解案件（第1条，2025-03-01 清河调〔2025〕3号）');
    expect(r.issues[0].message).toContain('请改用 清河调〔2025〕4号');
    expect(r.issues[0].message).not.toContain('id=');
    expect(r.byRegister.mediationCases).toMatchObject({ new: 1, invalid: 2 });
    expect(ok(await core.call('mediationCases.list', {})).total).toBe(0);
  });

  it('refuses a package case whose 案号 a local case of the year holds, but not the update of that same case', async () => {
    const local = await create({ acceptedOn: '2025-03-01', caseNo: '清河调〔2025〕3号' });
    const r = ok(await core.call('exchange.preview', { content: pkg([{ id: 'other', acceptedOn: '2025-05-01', caseNo: '清河调〔2025〕3号' }]) }));
    expect(r.issues[0].message).toContain(`本机已有的清河调〔2025〕3号，2025-03-01受理的邻里纠纷`);
    const same = ok(
      await core.call('exchange.import', {
        content: pkg([{ id: local.id, acceptedOn: '2025-03-01', caseNo: '清河调〔2025〕3号', village: '石桥村', updatedAt: '2099-01-01T00:00:00Z' }]),
      }),
    );
    expect(same.issues).toEqual([]);
    expect(same.applied).toBe(true);
  });
});

describe('data warnings', () => {
  it('lists existing duplicate 案号 and 调结 cases without 结案日期 (rows from before these rules)', async () => {
    const a = await create({ acceptedOn: '2025-03-01', caseNo: '清河调〔2025〕201号' });
    const b = await create({ acceptedOn: '2025-04-01', caseNo: '清河调〔2025〕202号' });
    const c = await create({ acceptedOn: '2025-05-01', caseNo: '清河调〔2025〕203号' });
    // what an older version let through
    core.ctx.db.prepare("UPDATE mediation_cases SET case_no = '清河调〔2025〕201号' WHERE id = ?").run(b.id);
    core.ctx.db.prepare("UPDATE mediation_cases SET status = 'success', closed_on = NULL WHERE id = ?").run(c.id);
    const w = ok(await core.call('cases.warnings', { year: 2025 }));
    expect(w.map((x) => x.code)).toEqual(['duplicate_case_no', 'closed_without_date']);
    expect(w[0].ids.sort()).toEqual([a.id, b.id].sort());
    expect(w[0].message).toContain('案号“清河调〔2025〕201号”在2025年有2件案件重复使用');
    expect(w[1].ids).toEqual([c.id]);
    expect(w[1].message).toContain('有1件案件已调结（调解成功或不成功）但没有结案日期');
    expect(ok(await core.call('cases.warnings', { year: 2024 }))).toEqual([]);
    // the year's report lists them before export too
    const model = ok(await core.call('report.model', { year: 2025 }));
    expect(model.review.map((x) => x.kind)).toEqual(expect.arrayContaining(['duplicate_case_no', 'closed_without_date']));
  });

  it('finds a 案号 written with other brackets or spaces as the same number, and only within its year', async () => {
    const a = await create({ acceptedOn: '2025-03-01', caseNo: '清河调〔2025〕7号' });
    const b = await create({ acceptedOn: '2025-04-01', caseNo: '清河调〔2025〕8号' });
    const c = await create({ acceptedOn: '2025-05-01', caseNo: '清河调〔2025〕9号' });
    const d = await create({ acceptedOn: '2026-02-01', caseNo: '清河调〔2025〕10号' });
    core.ctx.db.prepare("UPDATE mediation_cases SET case_no = '清河调[2025] 7号' WHERE id = ?").run(b.id);
    core.ctx.db.prepare("UPDATE mediation_cases SET case_no = '清河调（2025）7号' WHERE id = ?").run(c.id);
    // the same text in another year is another number
    core.ctx.db.prepare("UPDATE mediation_cases SET case_no = '清河调〔2025〕7号' WHERE id = ?").run(d.id);
    const w = ok(await core.call('cases.warnings', { year: 2025 })).filter((x) => x.code === 'duplicate_case_no');
    expect(w).toHaveLength(1);
    expect(w[0].ids.sort()).toEqual([a.id, b.id, c.id].sort());
    expect(ok(await core.call('cases.warnings', { year: 2026 }))).toEqual([]);
  });
  it('joins a full-width or zero-padded number to the one written plainly, in each year of the whole ledger (issue 24: set-based)', async () => {
    const a = await create({ acceptedOn: '2025-03-01', caseNo: '清河调〔2025〕17号' });
    const b = await create({ acceptedOn: '2025-04-01', caseNo: '清河调〔2025〕18号' });
    const c = await create({ acceptedOn: '2024-05-01', caseNo: '清河调〔2024〕5号' });
    const d = await create({ acceptedOn: '2024-06-01', caseNo: '清河调〔2024〕6号' });
    const e = await create({ acceptedOn: '2024-07-01', caseNo: '清河调〔2024〕7号' });
    const set = core.ctx.db.prepare('UPDATE mediation_cases SET case_no = ? WHERE id = ?');
    set.run('清河调〔２０２５〕１７号', b.id); // full-width digits
    set.run('清河调〔2024〕05号', d.id); // a 序号 with a leading zero
    set.run('清河调〔2024〕5号', e.id); // written alike: grouped by SQLite itself
    const groups = duplicateCaseNos(core.ctx.db);
    expect(groups.map((g) => [g.year, g.cases.map((x) => x.id).sort()]).sort()).toEqual(
      [
        [2024, [c.id, d.id, e.id].sort()],
        [2025, [a.id, b.id].sort()],
      ].sort(),
    );
    expect(duplicateCaseNos(core.ctx.db, 2025).map((g) => g.cases.length)).toEqual([2]);
    // a deleted case is no longer a duplicate
    ok(await core.call('mediationCases.delete', { id: b.id }));
    expect(duplicateCaseNos(core.ctx.db, 2025)).toEqual([]);
  });
});

describe("a batch's 案号 (CaseNumbers)", () => {
  it('sees its own claims however written, forgets a released one, and moves a claim claimed again', async () => {
    const ledger = await create({ acceptedOn: '2025-01-05', caseNo: '清河调〔2025〕1号' });
    const n = new CaseNumbers(core.ctx.db);
    const claim = (id: string, caseNo: string, acceptedOn = '2025-03-01') => n.claim({ id, caseNo, acceptedOn, type: 'neighbor', label: id });
    claim('a', '清河调〔2025〕2号');
    claim('b', '清河调〔2025〕3号');
    expect(n.holder('清河调[2025]０２号', '2025-06-01', null)?.id).toBe('a');
    expect(n.holder('清河调〔2025〕2号', '2025-06-01', 'a')).toBeNull();
    // the same text with its year taken from the 受理日期: another year, another number
    claim('c', '清河调4号', '2024-05-01');
    expect(n.holder('清河调4号', '2025-05-01', null)).toBeNull();
    expect(n.holder('清河调4号', '2024-12-01', null)?.id).toBe('c');
    // the ledger's case, unless the batch rewrites it under another number
    expect(n.holder('清河调〔2025〕1号', '2025-06-01', null)).toMatchObject({ id: ledger.id, inLedger: true });
    claim(ledger.id, '清河调〔2025〕9号');
    expect(n.holder('清河调〔2025〕1号', '2025-06-01', null)).toBeNull();
    expect(n.holder('清河调〔2025〕9号', '2025-06-01', null)?.id).toBe(ledger.id);
    // claimed again under another number: the old one is free
    claim('a', '清河调〔2025〕5号');
    expect(n.holder('清河调〔2025〕2号', '2025-06-01', null)).toBeNull();
    expect(n.holder('清河调〔2025〕5号', '2025-06-01', null)?.id).toBe('a');
    n.release('b');
    expect(n.holder('清河调〔2025〕3号', '2025-06-01', null)).toBeNull();
    n.release(ledger.id);
    expect(n.holder('清河调〔2025〕1号', '2025-06-01', null)?.id).toBe(ledger.id);
    expect(n.next(2025)).toBe('清河调〔2025〕6号');
  });
});

describe('migration 6', () => {
  it('keeps existing cases and gives them an empty party list and 回访 list', () => {
    const db = new Database(':memory:');
    migrate(db, { migrations: MIGRATIONS.filter((m) => m.version <= 2) });
    db.prepare(
      `INSERT INTO mediation_cases (id, case_no, accepted_on, type, status, updated_at) VALUES ('old', '清河调〔2023〕1号', '2023-05-01', 'neighbor', 'success', '2023-05-02T00:00:00Z')`,
    ).run();
    migrate(db);
    const row = db.prepare("SELECT party_list, follow_ups, facts, copies FROM mediation_cases WHERE id = 'old'").get();
    expect(row).toEqual({ party_list: '[]', follow_ups: '[]', facts: null, copies: null });
    db.close();
  });
});
