// One write path (electron/core/registers/write.ts): the same rules through every door —
// the form, an Excel sheet, a data package (.json and .zip), a restore and the demo year.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/index.ts';
import { importExcel } from '../../../electron/core/excel/import.ts';
import { nextSequence, normalizeCaseNo } from '../../../electron/core/registers/case-number.ts';
import { DOOR_POLICIES } from '../../../electron/core/registers/write.ts';
import { err, memoryCore, ok, tempDir } from '../../helpers/core.ts';

let core: Core;
beforeEach(async () => {
  core = memoryCore();
  ok(await core.call('settings.update', { township: { name: '清河镇', authority: '临江县清河镇人民政府' } }));
});
afterEach(() => core.close());

const base = { type: 'neighbor', status: 'in_progress' } as const;
const create = async (rec: Record<string, unknown>) => ok(await core.call('mediationCases.create', { record: { ...base, ...rec } }));
const cases = async () =>
  ok(await core.call('mediationCases.list', { pageSize: 500, sortBy: 'acceptedOn', sortOrder: 'asc' })).items.map((c) => c.caseNo ?? '');
const b64 = (b: Uint8Array | ArrayBuffer) => Buffer.from(b as Uint8Array).toString('base64');

async function caseSheet(rows: { acceptedOn: string; caseNo?: string; village?: string }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['案号', '受理日期', '纠纷类型', '调解状态', '村（社区）']);
  for (const r of rows) ws.addRow([r.caseNo ?? '', r.acceptedOn, '邻里', '调解中', r.village ?? '石桥村']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const pkg = (records: Record<string, unknown[]>) =>
  JSON.stringify({ format: 'fazhi-ledger-package', version: 1, township: { name: '清河镇', authority: '临江县清河镇人民政府' }, ...records });

describe('the door policy table', () => {
  it('has one row per door, and only the package asks before touching the 回收站', () => {
    expect(Object.keys(DOOR_POLICIES).sort()).toEqual(['demo', 'excel', 'form', 'package', 'restore']);
    expect(DOOR_POLICIES.package.bin).toBe('conflict');
    expect(DOOR_POLICIES.restore).toMatchObject({ bin: 'asIs', numbersCases: false, uniqueCaseNo: false });
    expect(DOOR_POLICIES.excel).toMatchObject({ overwrite: 'carried', emptyPersonal: 'whenAsked' });
  });
});

describe('案号 compared as the clerk reads it', () => {
  it('normalises brackets, full-width digits, leading zeros, spaces and invisible characters', () => {
    const want = normalizeCaseNo('清河调〔2025〕132号');
    for (const look of [
      '清河调〔2025〕0132号',
      '清河调〔２０２５〕１３２号',
      '清河调〔2025〕132\u200b号',
      '清河调[2025] 132号',
      '清河调【2025】\ufeff132号',
      '清河调（2025）132号',
    ])
      expect(normalizeCaseNo(look), look).toBe(want);
    expect(normalizeCaseNo('清河调〔2025〕1320号')).not.toBe(want);
  });

  it.each([
    ['a leading zero', '清河调〔2025〕0132号'],
    ['full-width digits', '清河调〔2025〕１３２号'],
    ['a zero-width space', '清河调〔2025〕132\u200b号'],
  ])('the form refuses %s beside 132号, naming the 案号 and the next free one', async (_what, look) => {
    await create({ acceptedOn: '2025-03-01', caseNo: '清河调〔2025〕132号' });
    const e = err(await core.call('mediationCases.create', { record: { ...base, acceptedOn: '2025-04-01', caseNo: look } }));
    expect(e.code).toBe('conflict');
    expect(e.message).toContain(`案号“${look}”在2025年已被另一件案件使用：清河调〔2025〕132号，2025-03-01受理的邻里纠纷`);
    expect(e.message).toContain('请改用 清河调〔2025〕133号');
    expect(await cases()).toEqual(['清河调〔2025〕132号']);
  });
});

describe('the next number', () => {
  it('goes on from the plausible numbers: a mistyped 999999 does not make the next one 1000000', async () => {
    expect(nextSequence([1, 2, 3, 999_999])).toBe(4);
    expect(nextSequence([132])).toBe(133);
    expect(nextSequence([])).toBe(1);
    for (const n of [1, 2, 3]) await create({ acceptedOn: '2025-03-0' + n, caseNo: `清河调〔2025〕${n}号` });
    await create({ acceptedOn: '2025-03-05', caseNo: '清河调〔2025〕999999号' });
    expect(ok(await core.call('cases.nextCaseNo', { year: 2025 }))).toBe('清河调〔2025〕4号');
    expect((await create({ acceptedOn: '2025-03-06' })).caseNo).toBe('清河调〔2025〕4号');
  });

  it('keeps a deleted case’s number while it is in the 回收站, and frees it when purged', async () => {
    const a = await create({ acceptedOn: '2025-03-01' });
    ok(await core.call('mediationCases.delete', { id: a.id }));
    expect(ok(await core.call('cases.nextCaseNo', { year: 2025 }))).toBe('清河调〔2025〕2号');
    ok(await core.call('mediationCases.purge', { id: a.id }));
    expect(ok(await core.call('cases.nextCaseNo', { year: 2025 }))).toBe('清河调〔2025〕1号');
  });

  it('never gives two live cases one number when a 受理日期 moves to another year', async () => {
    const a = await create({ acceptedOn: '2025-12-30' });
    expect(a.caseNo).toBe('清河调〔2025〕1号');
    ok(await core.call('mediationCases.update', { id: a.id, record: { ...base, acceptedOn: '2026-01-02', caseNo: a.caseNo } }));
    // its 〔2025〕 number stays held: the next 2025 case gets 2, and 1 typed by hand is refused
    expect((await create({ acceptedOn: '2025-12-31' })).caseNo).toBe('清河调〔2025〕2号');
    const e = err(await core.call('mediationCases.create', { record: { ...base, acceptedOn: '2025-11-01', caseNo: '清河调〔2025〕1号' } }));
    expect(e.message).toContain('请改用 清河调〔2025〕3号');
    expect((await create({ acceptedOn: '2026-01-05' })).caseNo).toBe('清河调〔2026〕1号');
  });

  it('a case saved without 案号 keeps the number it has', async () => {
    const a = await create({ acceptedOn: '2025-03-01' });
    const b = ok(await core.call('mediationCases.update', { id: a.id, record: { ...base, acceptedOn: '2025-03-01', caseNo: '', village: '石桥村' } }));
    expect(b.caseNo).toBe(a.caseNo);
  });
});

describe('every door numbers a case without 案号', () => {
  it('Excel: rows without 案号 get the next numbers of their year', async () => {
    await create({ acceptedOn: '2025-01-01' });
    const r = ok(
      await core.call('excel.import', {
        register: 'mediationCases',
        base64: b64(await caseSheet([{ acceptedOn: '2025-02-01' }, { acceptedOn: '2025-02-02', village: '柳湾村' }, { acceptedOn: '2024-05-01' }])),
      }),
    );
    expect(r).toMatchObject({ applied: true, written: 3 });
    expect(await cases()).toEqual(['清河调〔2024〕1号', '清河调〔2025〕1号', '清河调〔2025〕2号', '清河调〔2025〕3号']);
  });

  it('a data package: cases without 案号 get the next numbers, after the package’s own', async () => {
    const r = ok(
      await core.call('exchange.import', {
        content: pkg({
          mediationCases: [
            { id: 'p1', acceptedOn: '2025-02-01', ...base },
            { id: 'p2', acceptedOn: '2025-02-02', caseNo: '清河调〔2025〕1号', ...base },
          ],
        }),
      }),
    );
    expect(r.applied).toBe(true);
    expect(await cases()).toEqual(['清河调〔2025〕2号', '清河调〔2025〕1号']);
  });

  it('the demo year numbers its cases one by one, unique', async () => {
    ok(await core.call('demo.generate', { year: 2023 }));
    const nos = await cases();
    expect(nos.length).toBeGreaterThan(5);
    expect(new Set(nos.map(normalizeCaseNo)).size).toBe(nos.length);
  });
});

describe('two writers racing', () => {
  it('the form takes a number while an Excel import waits for its backup: both cases get their own number', async () => {
    const bytes = await caseSheet([{ acceptedOn: '2025-02-01' }, { acceptedOn: '2025-02-02', village: '柳湾村' }]);
    let formCase = '';
    const r = await importExcel(core.ctx, 'mediationCases', bytes, {
      dryRun: false,
      beforeWrite: async () => {
        formCase = (await create({ acceptedOn: '2025-02-03' })).caseNo!;
      },
    });
    expect(r.applied).toBe(true);
    expect(formCase).toBe('清河调〔2025〕1号');
    expect((await cases()).sort()).toEqual(['清河调〔2025〕1号', '清河调〔2025〕2号', '清河调〔2025〕3号']);
  });

  it('a number typed in the sheet and taken by the form meanwhile is refused, naming the next free one; nothing is written', async () => {
    const bytes = await caseSheet([{ acceptedOn: '2025-02-01', caseNo: '清河调〔2025〕127号' }]);
    const r = await importExcel(core.ctx, 'mediationCases', bytes, {
      dryRun: false,
      beforeWrite: async () => {
        await create({ acceptedOn: '2025-02-03', caseNo: '清河调〔2025〕127号' });
      },
    });
    expect(r.applied).toBe(false);
    expect(r.issues[0].message).toContain('案号“清河调〔2025〕127号”在2025年已被另一件案件使用：本机已有的清河调〔2025〕127号');
    expect(r.issues[0].message).toContain('请改用 清河调〔2025〕128号');
    expect(await cases()).toEqual(['清河调〔2025〕127号']);
  });
});

describe('the 回收站', () => {
  async function binnedActivity() {
    const a = ok(await core.call('activities.create', { record: { date: '2025-03-01', title: '宪法宣传', kind: 'campaign' } }));
    ok(await core.call('activities.delete', { id: a.id }));
    return a;
  }
  const changed = (id: string) =>
    pkg({ activities: [{ id, date: '2025-03-01', title: '宪法宣传（改）', kind: 'campaign', updatedAt: '2099-01-01T00:00:00Z' }] });
  const get = async (id: string) => ok(await core.call('activities.get', { id }));

  it('the form refuses to edit a record in the bin', async () => {
    const a = await binnedActivity();
    const e = err(await core.call('activities.update', { id: a.id, record: { date: '2025-03-01', title: 'x', kind: 'campaign' } }));
    expect(e.message).toBe('这条普法宣传活动记录在回收站中，请先恢复再修改');
  });

  it('a data package does not rewrite it silently: a conflict in the preview, restored only on the clerk’s word', async () => {
    const a = await binnedActivity();
    const preview = ok(await core.call('exchange.preview', { content: changed(a.id) }));
    expect(preview.issues).toEqual([]);
    expect(preview.changes).toEqual([
      expect.objectContaining({ id: a.id, action: 'keptLocal', conflict: true, inBin: true, note: expect.stringContaining('回收站') }),
    ]);
    ok(await core.call('exchange.import', { content: changed(a.id) }));
    expect(await get(a.id)).toMatchObject({ title: '宪法宣传', deletedAt: expect.any(String) });
    const r = ok(await core.call('exchange.import', { content: changed(a.id), restoreFromBin: true }));
    expect(r.byRegister.activities.updated).toBe(1);
    expect(await get(a.id)).toMatchObject({ title: '宪法宣传（改）', deletedAt: null });
  });

  it('the same through a 含附件 .zip package', async () => {
    const a = await binnedActivity();
    const zip = new JSZip();
    zip.file('package.json', changed(a.id));
    const base64 = b64(await zip.generateAsync({ type: 'uint8array' }));
    const preview = ok(await core.call('exchange.previewZip', { base64 }));
    expect(preview.changes[0]).toMatchObject({ action: 'keptLocal', inBin: true });
    ok(await core.call('exchange.importZip', { base64 }));
    expect(await get(a.id)).toMatchObject({ title: '宪法宣传', deletedAt: expect.any(String) });
  });

  it('an unchanged copy of a deleted record is no conflict: the deletion stands', async () => {
    const a = await binnedActivity();
    const same = pkg({ activities: [{ id: a.id, date: '2025-03-01', title: '宪法宣传', kind: 'campaign', updatedAt: '2099-01-01T00:00:00Z' }] });
    const preview = ok(await core.call('exchange.preview', { content: same }));
    expect(preview.changes).toEqual([]);
    expect(preview.byRegister.activities.unchanged).toBe(1);
  });

  it('an Excel row with the 记录编号 of a record in the bin is refused', async () => {
    const a = await binnedActivity();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['活动日期', '活动名称', '形式', '记录编号']);
    ws.addRow(['2025-03-01', '宪法宣传（改）', '集中宣传', a.id]);
    const r = ok(await core.call('excel.preview', { register: 'activities', base64: b64(await wb.xlsx.writeBuffer()) }));
    expect(r.issues[0].message).toContain('在回收站中，请先恢复再导入修改');
  });
});

describe('a restore', () => {
  it('keeps what the backup holds: old duplicate 案号 and the 回收站, through the same pipeline', async () => {
    const { dir, cleanup } = tempDir('fazhi-write-');
    try {
      const file = createCore({ dbPath: join(dir, 'ledger.db') });
      ok(await file.call('settings.update', { township: { name: '清河镇', authority: '临江县清河镇人民政府' } }));
      const a = ok(await file.call('mediationCases.create', { record: { ...base, acceptedOn: '2025-03-01' } }));
      const b = ok(await file.call('mediationCases.create', { record: { ...base, acceptedOn: '2025-03-02' } }));
      const c = ok(await file.call('mediationCases.create', { record: { ...base, acceptedOn: '2025-03-03' } }));
      // what an older version let through
      file.ctx.db.prepare('UPDATE mediation_cases SET case_no = ? WHERE id = ?').run(a.caseNo, b.id);
      ok(await file.call('mediationCases.delete', { id: c.id }));
      const backup = ok(await file.call('backup.create', {}));
      ok(await file.call('mediationCases.purge', { id: c.id }));
      ok(await file.call('backup.restore', { name: backup.name }));
      const all = ok(await file.call('mediationCases.list', { pageSize: 10 }));
      expect(all.items.map((x) => x.caseNo)).toEqual([a.caseNo, a.caseNo]);
      const bin = ok(await file.call('mediationCases.list', { deleted: true, pageSize: 10 }));
      expect(bin.items.map((x) => x.id)).toEqual([c.id]);
      file.close();
    } finally {
      cleanup();
    }
  });
});
