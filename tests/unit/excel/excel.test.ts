import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/index.ts';
import type { ExcelImportReport } from '../../../electron/shared/contract/excel.ts';
import { REGISTERS, REGISTER_NAMES, type RegisterName } from '../../../electron/shared/registers.ts';
import { err, memoryCore, ok, SAMPLES } from '../../helpers/core.ts';

const b64 = (b: Uint8Array | ArrayBuffer) => Buffer.from(b as Uint8Array).toString('base64');

async function workbookOf(base64: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return wb;
}

/** A sheet written the way a clerk would: given headers, then rows. */
async function sheet(rows: unknown[][], opts: { merge?: string } = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  if (opts.merge) ws.mergeCells(opts.merge);
  return b64(await wb.xlsx.writeBuffer());
}

const total = async (core: Core, r: RegisterName) => (ok(await core.dispatch(`${r}.list`, { pageSize: 1 })) as { total: number }).total;
const listAll = async (core: Core, r: RegisterName) =>
  (ok(await core.dispatch(`${r}.list`, { pageSize: 500, sortBy: 'updatedAt', sortOrder: 'asc' })) as { items: Record<string, unknown>[] }).items;

describe('Excel template', () => {
  it.each(REGISTER_NAMES)('%s: Chinese headers, dropdowns, date formats, frozen header, an example row and 填写说明', async (r) => {
    const core = memoryCore();
    const t = ok(await core.call('excel.template', { register: r }));
    expect(t.fileName).toBe(`${REGISTERS[r].label}导入模板.xlsx`);
    const wb = await workbookOf(t.base64);
    const ws = wb.getWorksheet(REGISTERS[r].label)!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    // list fields (当事人 one by one, 回访) are not Excel columns
    expect(headers).toEqual(REGISTERS[r].fields.filter((f) => f.type !== 'list').map((f) => f.label));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    REGISTERS[r].fields
      .filter((f) => f.type !== 'list')
      .forEach((f, i) => {
        const cell = ws.getCell(3, i + 1);
        if (f.type === 'enum' || f.type === 'bool') expect(cell.dataValidation?.type, f.label).toBe('list');
        if (f.type === 'date') {
          expect(cell.dataValidation?.type, f.label).toBe('date');
          expect(ws.getColumn(i + 1).numFmt).toBe('yyyy-mm-dd');
        }
      });
    // the dropdown lists hold the Chinese labels
    const lists = wb.getWorksheet('选项')!;
    // (矛盾纠纷排查 has no choice field)
    const firstEnum = REGISTERS[r].fields.find((f) => f.type === 'enum');
    if (firstEnum) expect(lists.getColumn(1).values.slice(1)).toEqual(Object.values(firstEnum.options!));
    expect(ws.getRow(2).getCell(REGISTERS[r].fields.filter((f) => f.type !== 'list').findIndex((f) => f.key === 'notes') + 1).value).toMatch(/^【示例】/);
    const help = wb.getWorksheet('填写说明')!;
    expect(help.getCell('A2').value).toBe(REGISTERS[r].fields[0].label);
    core.close();
  });
});

/** Fills the template with the sample record twice (as labels), the way a clerk would. */
async function filledTemplate(core: Core, r: RegisterName): Promise<string> {
  const t = ok(await core.call('excel.template', { register: r }));
  const wb = await workbookOf(t.base64);
  const ws = wb.getWorksheet(REGISTERS[r].label)!;
  const sample = SAMPLES[r] as Record<string, unknown>;
  for (const row of [3, 4]) {
    REGISTERS[r].fields
      .filter((f) => f.type !== 'list')
      .forEach((f, i) => {
        // two cases of one year cannot share a 案号; two equal rows are one record (重复，已跳过): the second says so in 备注
        const v = r === 'mediationCases' && f.key === 'caseNo' ? `清河调〔2024〕${row}号` : f.key === 'notes' && row === 4 ? '第二次' : sample[f.key];
        if (v === undefined) return;
        let cell: unknown = v;
        if (f.type === 'enum') cell = f.options![String(v)];
        if (f.type === 'bool') cell = v ? '是' : '否';
        if (f.type === 'tags') cell = (v as string[]).join('、');
        if (f.type === 'date') cell = row === 3 ? new Date(`${v}T00:00:00Z`) : String(v).replace(/-/g, '.');
        ws.getCell(row, i + 1).value = cell as ExcelJS.CellValue;
      });
  }
  return b64(await wb.xlsx.writeBuffer());
}

describe('Excel import', () => {
  it.each(REGISTER_NAMES)('%s: template → filled → preview → import → export → re-import as updates', async (r) => {
    const core = memoryCore();
    const base64 = await filledTemplate(core, r);
    const preview = ok(await core.call('excel.preview', { register: r, base64 }));
    expect(preview.issues).toEqual([]);
    expect(preview).toMatchObject({ rows: 2, valid: 2, new: 2, applied: false, skipped: { example: 1 } });
    expect(await total(core, r)).toBe(0);

    const report = ok(await core.call('excel.import', { register: r, base64 }));
    expect(report).toMatchObject({ applied: true, written: 2 });
    const items = await listAll(core, r);
    expect(items).toHaveLength(2);
    const expected = ok(
      await core.dispatch(`${r}.create`, { record: { ...SAMPLES[r], ...(r === 'mediationCases' ? { caseNo: '清河调〔2024〕9号' } : {}) } }),
    ) as Record<string, unknown>;
    for (const f of REGISTERS[r].fields) if (f.key !== 'caseNo' && f.key !== 'notes') expect(items[0][f.key], f.key).toEqual(expected[f.key]);

    // the exported sheet imports back as the same records (记录编号), unchanged: 未变, not 更新
    const exp = ok(await core.call('excel.export', { register: r, query: {} }));
    expect(exp.count).toBe(3);
    const again = ok(await core.call('excel.preview', { register: r, base64: exp.base64 }));
    expect(again).toMatchObject({ rows: 3, valid: 3, unchanged: 3, updated: 0, new: 0, skipped: { totals: 1 } });
    expect(again.changes.map((c) => c.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    core.close();
  });

  it("reads a clerk's own sheet: merged title, synonyms, text dates, units, totals row and blank rows", async () => {
    const core = memoryCore();
    const base64 = await sheet(
      [
        ['小陶镇2023年普法宣传活动登记表'],
        [],
        ['序号', '活动时间', '活动主题', '活动形式', '参与人数', '发放资料(份)', '地点', '宣传内容', '负责人'],
        [1, '2023-5-8', '民法典宣传月进村', '集中宣传', '120人', 300, '青山村', '民法典、宪法', '张三'],
        [2, '2023.05.09', '法治讲座', 'lecture', 45, '1,200', '中学', '未成年人保护法', '李四'],
        [],
        [3, '2023年5月10日', '院坝会', '院坝会', 60, 0, '石桥村', '', '王五'],
        [4, 45_060, '线上答题', '网络宣传', 800, 0, '', '', ''],
        ['合计', '', '', '', 1025, 1500, '', '', ''],
      ],
      { merge: 'A1:I1' },
    );
    const p = ok(await core.call('excel.preview', { register: 'activities', base64 }));
    expect(p.headerRow).toBe(3);
    expect(p.issues).toEqual([]);
    expect(p).toMatchObject({ rows: 4, valid: 4, skipped: { totals: 1, blank: 1 } });
    expect(p.unmatched.map((u) => u.header)).toEqual(['序号', '负责人']);
    expect(p.years).toEqual([2023]);
    ok(await core.call('excel.import', { register: 'activities', base64 }));
    const items = (await listAll(core, 'activities')).sort((a, b) => String(a.date).localeCompare(String(b.date)));
    expect(items.map((i) => [i.date, i.kind, i.audience, i.materials])).toEqual([
      ['2023-05-08', 'campaign', 120, 300],
      ['2023-05-09', 'lecture', 45, 1200],
      ['2023-05-10', 'meeting', 60, 0],
      ['2023-05-14', 'online', 800, 0],
    ]);
    expect(items[0].laws).toEqual(['民法典', '宪法']);
    core.close();
  });

  it('applies an explicit column mapping for headers it does not know', async () => {
    const core = memoryCore();
    const base64 = await sheet([
      ['办理时间', '事由', '纠纷种类', '办理结果'],
      ['2024-01-05', '邻里排水', '邻里', '调解中'],
    ]);
    const p = ok(await core.call('excel.preview', { register: 'mediationCases', base64 }));
    expect(p.unmatched.map((u) => u.header)).toEqual(['办理时间', '事由', '纠纷种类', '办理结果']);
    expect(p.missingRequired).toEqual(['受理日期', '纠纷类型', '调解状态']);
    expect(p.valid).toBe(0);
    const mapping = { 办理时间: 'acceptedOn', 事由: 'summary', 纠纷种类: 'type', 办理结果: 'status' };
    const q = ok(await core.call('excel.import', { register: 'mediationCases', base64, mapping }));
    expect(q.issues).toEqual([]);
    expect(q.applied).toBe(true);
    const [rec] = await listAll(core, 'mediationCases');
    expect(rec).toMatchObject({ acceptedOn: '2024-01-05', summary: '邻里排水', type: 'neighbor', status: 'in_progress' });
    core.close();
  });

  it('lists every bad row with its row number, column and a Chinese reason, and writes nothing', async () => {
    const core = memoryCore();
    const base64 = await sheet([
      ['受理日期', '纠纷类型', '调解状态', '当事人人数', '协议金额（元）'],
      ['2024-01-05', '邻里', '调解中', 2, 100],
      ['2023.13.45', '邻里', '调解成功', 2, 0],
      ['2024-02-01', '宠物纠纷', '调解成功', 2, 0],
      ['2024-02-02', '合同', '调解成功', '两个', 0],
      ['2024-02-03', '合同', '调解成功', -3, 0],
      ['2024-02-04', '合同', '', 1, '很多'],
    ]);
    for (const method of ['excel.preview', 'excel.import'] as const) {
      const r = ok(await core.call(method, { register: 'mediationCases', base64 })) as ExcelImportReport;
      expect(r.applied).toBe(false);
      expect(r).toMatchObject({ rows: 6, valid: 1, invalid: 5 });
      const at = (row: number) => r.issues.filter((i) => i.row === row).map((i) => `${i.column}|${i.header}|${i.message}`);
      expect(at(3)[0]).toMatch(/^A\|受理日期\|「受理日期」不是有效日期：“2023\.13\.45”/);
      expect(at(4)[0]).toMatch(/^B\|纠纷类型\|「纠纷类型」的取值“宠物纠纷”无效，应为：婚姻家庭、邻里/);
      expect(at(5)[0]).toMatch(/^D\|当事人人数\|「当事人人数」应为不小于0的整数，现为“两个”/);
      expect(at(6)[0]).toMatch(/^D\|当事人人数\|「当事人人数」应为不小于0的整数，现为“-3”/);
      expect(at(7)).toHaveLength(2);
      expect(await total(core, 'mediationCases')).toBe(0);
    }
    // skip-invalid writes the valid row only
    const s = ok(await core.call('excel.import', { register: 'mediationCases', base64, skipInvalid: true }));
    expect(s).toMatchObject({ applied: true, written: 1 });
    expect(await total(core, 'mediationCases')).toBe(1);
    core.close();
  });

  it('refuses a sheet with wrong headers, an empty file and a file that is not xlsx, in Chinese', async () => {
    const core = memoryCore();
    const wrong = await sheet([
      ['姓名', '电话', '住址'],
      ['张三', '123', '某村'],
    ]);
    const w = ok(await core.call('excel.preview', { register: 'inspections', base64: wrong }));
    expect(w.unmatched.map((u) => u.header)).toEqual(['姓名', '电话', '住址']);
    expect(w.issues[0]).toMatchObject({ row: 1 });
    expect(w.issues[0].message).toMatch(/表头中缺少必填列：「检查日期」、「执法领域」、「检查对象」、「处理结果」/);
    expect(ok(await core.call('excel.import', { register: 'inspections', base64: wrong, skipInvalid: true })).applied).toBe(false);
    const empty = await sheet([]);
    expect(err(await core.call('excel.preview', { register: 'inspections', base64: empty })).message).toMatch(/表格是空的/);
    const headerOnly = await sheet([['检查日期', '执法领域', '检查对象', '处理结果']]);
    const h = ok(await core.call('excel.preview', { register: 'inspections', base64: headerOnly }));
    expect(h.issues[0].message).toMatch(/没有数据行/);
    expect(err(await core.call('excel.import', { register: 'inspections', base64: Buffer.from('检查日期,执法领域\n').toString('base64') })).message).toMatch(
      /这不是 Excel（\.xlsx）文件/,
    );
    expect(
      err(await core.call('excel.import', { register: 'inspections', base64: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]).toString('base64') })).message,
    ).toMatch(/旧版 Excel（\.xls）/);
    expect(err(await core.call('excel.import', { register: 'inspections', base64: Buffer.from('PK\u0003\u0004garbage').toString('base64') })).message).toMatch(
      /无法读取这个 Excel 文件/,
    );
    expect(await total(core, 'inspections')).toBe(0);
    core.close();
  });

  it('imports 10 000 rows in one go, or none when one row is bad', async () => {
    const core = memoryCore();
    const rows: unknown[][] = [['日期', '工作类别', '事项', '数量', '参加人次']];
    for (let i = 0; i < 10_000; i++) rows.push([new Date(Date.UTC(2024, i % 12, (i % 28) + 1)), '集体学法', `学法${i}`, 1, i % 50]);
    rows[5000][4] = '五十';
    const base64 = await sheet(rows);
    const bad = ok(await core.call('excel.import', { register: 'workItems', base64 }));
    expect(bad).toMatchObject({ applied: false, rows: 10_000, invalid: 1 });
    expect(bad.issues[0]).toMatchObject({ row: 5001, column: 'E', header: '参加人次' });
    expect(await total(core, 'workItems')).toBe(0);
    rows[5000][4] = 50;
    const t0 = performance.now();
    const good = ok(await core.call('excel.import', { register: 'workItems', base64: await sheet(rows) }));
    expect(good).toMatchObject({ applied: true, written: 10_000 });
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(await total(core, 'workItems')).toBe(10_000);
    core.close();
  });
});

describe('Excel export', () => {
  it('exports the filtered list with a title, headers, totals, A4 landscape and print titles', async () => {
    const core = memoryCore();
    ok(await core.call('settings.update', { township: { name: '小陶镇', authority: '永安市小陶镇人民政府' } }));
    for (const [date, kind, audience] of [
      ['2024-03-01', 'campaign', 100],
      ['2024-04-01', 'lecture', 50],
      ['2023-04-01', 'campaign', 7],
    ] as const) {
      ok(await core.call('activities.create', { record: { date, title: `活动${date}`, kind, audience } }));
    }
    const e = ok(await core.call('excel.export', { register: 'activities', query: { year: 2024, filters: { kind: 'campaign' } } }));
    expect(e.count).toBe(1);
    expect(e.fileName).toMatch(/^小陶镇2024年普法宣传活动台账-\d{8}\.xlsx$/);
    const all = ok(await core.call('excel.export', { register: 'activities', query: { year: 2024 } }));
    const ws = (await workbookOf(all.base64)).worksheets[0];
    expect(ws.getCell('A1').value).toBe('小陶镇2024年普法宣传活动台账');
    expect(ws.getRow(2).getCell(1).value).toBe('活动日期');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '2:2' });
    const audienceCol = REGISTERS.activities.fields.findIndex((f) => f.key === 'audience') + 1;
    const totals = ws.getRow(5);
    expect(totals.getCell(1).value).toBe('合计（2条）');
    expect(totals.getCell(audienceCol).value).toMatchObject({ result: 150 });
    expect(ws.getRow(3).getCell(3).value).toBe('法治讲座');
    expect(ws.getColumn(audienceCol).width).toBeGreaterThan(5);
    core.close();
  });

  it('prints a year’s 协议金额 total smaller when wider than its column, never as ###', async () => {
    const core = memoryCore();
    for (let i = 0; i < 40; i++)
      ok(
        await core.call('mediationCases.create', {
          record: {
            ...SAMPLES.mediationCases,
            caseNo: `清河调〔2024〕${i + 1}号`,
            status: 'success',
            closedOn: SAMPLES.mediationCases.acceptedOn,
            agreement: 'written',
            amount: 98_765.43,
          },
        }),
      );
    const ws = (await workbookOf(ok(await core.call('excel.export', { register: 'mediationCases' })).base64)).worksheets[0];
    const headers = (ws.getRow(2).values as unknown[]).map(String);
    const col = headers.indexOf('协议金额（元）');
    expect(col).toBeGreaterThan(0);
    const total = ws.getRow(43).getCell(col);
    expect(total.value).toMatchObject({ result: 3_950_617.2 });
    // '3,950,617.20' is 12 characters in a column sized for one amount: shrunk to fit, the sheet keeps its width
    expect(ws.getColumn(col).width).toBeLessThan(13);
    expect(total.alignment).toMatchObject({ shrinkToFit: true });
    core.close();
  });

  it('leaves personal fields out unless asked (withPersonal), as the 数据包', async () => {
    const core = memoryCore();
    ok(await core.call('mediationCases.create', { record: { ...SAMPLES.mediationCases, facts: '张三与李四因宅基地界址发生争执' } }));
    const plain = (await workbookOf(ok(await core.call('excel.export', { register: 'mediationCases' })).base64)).worksheets[0];
    const headers = (plain.getRow(2).values as unknown[]).map(String);
    for (const f of REGISTERS.mediationCases.fields.filter((x) => x.personal && x.type !== 'list')) expect(headers).not.toContain(f.label);
    expect(headers).toContain('案号');
    const cells = [3].flatMap((r) => (plain.getRow(r).values as unknown[]).map(String)).join('|');
    expect(cells).not.toContain('张三');
    expect(cells).not.toContain('宅基地界址');

    const e = ok(await core.call('excel.export', { register: 'mediationCases', withPersonal: true }));
    const ws = (await workbookOf(e.base64)).worksheets[0];
    const values = (ws.getRow(3).values as unknown[]).map(String);
    expect(values).toContain('张三、李四');
    expect(values).toContain('张三与李四因宅基地界址发生争执');
    core.close();
  });

  it('without personal fields, masks party names, ID numbers and phones typed into the other texts (issue 19.2)', async () => {
    const core = memoryCore();
    const performance = '由张三于2024年5月1日前一次性支付李四1200元，联系电话138-0013-8000，身份证号110101199003071234';
    ok(await core.call('mediationCases.create', { record: { ...SAMPLES.mediationCases, performance } }));
    const plain = (await workbookOf(ok(await core.call('excel.export', { register: 'mediationCases' })).base64)).worksheets[0];
    const headers = (plain.getRow(2).values as unknown[]).map(String);
    const col = headers.indexOf('履行方式、地点、期限');
    expect(col).toBeGreaterThan(0);
    const cell = String(plain.getRow(3).getCell(col).value);
    expect(cell).toBe('由张某于2024年5月1日前一次性支付李某1200元，联系电话［电话已隐去］，身份证号［身份证号已隐去］');
    const everything = [1, 2, 3, 4].flatMap((r) => (plain.getRow(r).values as unknown[]).map(String)).join('|');
    for (const s of ['张三', '李四', '13800138000', '138-0013-8000', '110101199003071234']) expect(everything).not.toContain(s);

    // asked for personal data: the text as typed
    const full = (await workbookOf(ok(await core.call('excel.export', { register: 'mediationCases', withPersonal: true })).base64)).worksheets[0];
    const fullCol = (full.getRow(2).values as unknown[]).map(String).indexOf('履行方式、地点、期限');
    expect(String(full.getRow(3).getCell(fullCol).value)).toBe(performance);
    core.close();
  });

  it.each(REGISTER_NAMES)(
    '%s: prints legibly on A4 — landscape, 记录编号 hidden, texts wrapped, titles repeated, page numbers, never below 8 pt',
    async (r) => {
      const core = memoryCore();
      ok(await core.dispatch(`${r}.create`, { record: SAMPLES[r] }));
      for (const withPersonal of [false, true]) {
        const ws = (await workbookOf(ok(await core.call('excel.export', { register: r, withPersonal })).base64)).worksheets[0];
        expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '2:2' });
        expect(ws.headerFooter.oddFooter).toMatch(/&P.*&N/);
        const headers = (ws.getRow(2).values as unknown[]).map(String);
        const idCol = headers.indexOf('记录编号');
        expect(idCol).toBeGreaterThan(0);
        expect(ws.getColumn(idCol).hidden).toBe(true);
        // the 记录编号 still carries the id: the sheet imports back as updates
        expect(String(ws.getRow(3).getCell(idCol).value)).toMatch(/^[0-9a-f-]{36}$/);
        // printed width: the visible columns, at the scale the sheet prints at
        let px = 0;
        for (let i = 1; i < idCol; i++) px += ws.getColumn(i).width! * 7 + 5;
        const printable = ((297 - 2 * 0.4 * 25.4) / 25.4) * 96;
        const scale = ws.pageSetup.fitToPage ? Math.min(1, printable / px) : ws.pageSetup.scale! / 100;
        expect(11 * scale, `${r} ${withPersonal}`).toBeGreaterThanOrEqual(8);
        // long texts wrap; no column wider than 30 characters
        for (let i = 1; i < idCol; i++) expect(ws.getColumn(i).width!).toBeLessThanOrEqual(30);
        expect(ws.getRow(3).getCell(1).alignment).toMatchObject({ wrapText: true });
      }
      core.close();
    },
  );
});

describe('Excel round trip and repeated imports (issues 19.1, 23.1)', () => {
  async function editedExport(
    core: Core,
    register: RegisterName,
    edit: (ws: ExcelJS.Worksheet, header: Map<string, number>) => void,
    withPersonal = false,
  ): Promise<string> {
    const exp = ok(await core.call('excel.export', { register, query: {}, withPersonal }));
    const wb = await workbookOf(exp.base64);
    const ws = wb.worksheets[0];
    const header = new Map<string, number>();
    ws.getRow(2).eachCell((c, n) => header.set(String(c.value), n));
    edit(ws, header);
    return b64(await wb.xlsx.writeBuffer());
  }

  it('export 人民调解 → edit one cell → import keeps every 当事人 and 回访 of a demo ledger, and says which field changes', async () => {
    const core = memoryCore();
    ok(await core.call('demo.generate', { year: 2025 }));
    const before = await listAll(core, 'mediationCases');
    expect(before.filter((c) => (c.partyList as unknown[]).length > 0).length).toBeGreaterThan(5);
    expect(before.some((c) => (c.followUps as unknown[]).length > 0)).toBe(true);
    const base64 = await editedExport(core, 'mediationCases', (ws, h) => {
      ws.getCell(3, h.get('调解员')!).value = '新调解员';
    });
    const preview = ok(await core.call('excel.preview', { register: 'mediationCases', base64 }));
    expect(preview.issues).toEqual([]);
    expect(preview).toMatchObject({ updated: 1, new: 0, unchanged: before.length - 1, duplicates: 0 });
    const changed = preview.changes.filter((c) => c.action === 'updated');
    expect(changed).toEqual([
      expect.objectContaining({ row: 3, fields: [{ label: '调解员', personal: false, before: expect.any(String), after: '新调解员', emptied: false }] }),
    ]);
    const r = ok(await core.call('excel.import', { register: 'mediationCases', base64 }));
    expect(r).toMatchObject({ applied: true, written: 1 });
    const after = await listAll(core, 'mediationCases');
    const byId = new Map(after.map((c) => [c.id, c]));
    for (const c of before) {
      expect(byId.get(c.id)!.partyList, String(c.caseNo)).toEqual(c.partyList);
      expect(byId.get(c.id)!.followUps, String(c.caseNo)).toEqual(c.followUps);
    }
    expect(after.filter((c) => c.mediator === '新调解员')).toHaveLength(1);
    core.close();
  });

  it('a sheet that updates only some columns leaves the others as they are', async () => {
    const core = memoryCore();
    const a = ok(await core.call('activities.create', { record: { ...SAMPLES.activities } }));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['记录编号', '活动日期', '活动名称', '形式', '参与人数']);
    ws.addRow([a.id, SAMPLES.activities.date, SAMPLES.activities.title, '集中宣传', 999]);
    ok(await core.call('excel.import', { register: 'activities', base64: b64(await wb.xlsx.writeBuffer()) }));
    const got = ok(await core.call('activities.get', { id: a.id }));
    expect(got).toMatchObject({ audience: 999, village: '清河村', laws: ['消费者权益保护法'], materials: 800, banners: 3, occasion: '3·15' });
    core.close();
  });

  it('refuses a change that empties personal data unless the clerk allows it', async () => {
    const core = memoryCore();
    ok(await core.call('demo.generate', { year: 2025 }));
    const base64 = await editedExport(
      core,
      'mediationCases',
      (ws, h) => {
        // (当事人 follows the party list when emptied: 纠纷简要情况 is the personal text a sheet can empty)
        ws.getCell(3, h.get('纠纷简要情况')!).value = null;
      },
      true,
    );
    const id = String(
      (await workbookOf(base64)).worksheets[0].getRow(3).getCell(REGISTERS.mediationCases.fields.filter((f) => f.type !== 'list').length + 1).value,
    );
    const before = ok(await core.call('mediationCases.get', { id }));
    const p = ok(await core.call('excel.import', { register: 'mediationCases', base64 }));
    expect(p).toMatchObject({ applied: false, personalEmptied: 1 });
    expect(p.issues[0]).toMatchObject({ row: 3, header: '纠纷简要情况' });
    expect(p.issues[0].message).toContain('会清空本机已有的「纠纷简要情况」（个人信息）');
    expect(ok(await core.call('mediationCases.get', { id })).summary).toBe(before.summary);
    const allowed = ok(await core.call('excel.import', { register: 'mediationCases', base64, allowEmptyPersonal: true }));
    expect(allowed.applied).toBe(true);
    expect(allowed.changes.find((c) => c.row === 3)!.fields).toEqual([expect.objectContaining({ label: '纠纷简要情况', personal: true, emptied: true })]);
    // a personal field's value is never shown in the preview
    expect(JSON.stringify(allowed.changes)).not.toContain(before.summary!);
    expect(ok(await core.call('mediationCases.get', { id })).summary).toBeNull();
    core.close();
  });

  it('the same rows without 记录编号 imported twice are recognised: 重复，已跳过, nothing doubles', async () => {
    const core = memoryCore();
    const base64 = await sheet([
      ['活动日期', '活动名称', '活动形式', '参与人数'],
      ['2025-03-15', '消费者权益日宣传', '集中宣传', 100],
      ['2025-04-15', '国家安全教育日', '集中宣传', 80],
      ['2025-04-15', '国家安全教育日', '集中宣传', 80],
    ]);
    const first = ok(await core.call('excel.import', { register: 'activities', base64 }));
    expect(first).toMatchObject({ applied: true, written: 2, new: 2, duplicates: 1 });
    expect(first.changes.find((c) => c.row === 4)).toMatchObject({ action: 'duplicate', note: '重复，已跳过：与表格第3行相同' });
    const again = ok(await core.call('excel.preview', { register: 'activities', base64 }));
    expect(again).toMatchObject({ new: 0, updated: 0, duplicates: 3 });
    expect(again.changes.map((c) => c.note)).toEqual(['重复，已跳过：台账中已有这条记录', '重复，已跳过：台账中已有这条记录', '重复，已跳过：与表格第3行相同']);
    ok(await core.call('excel.import', { register: 'activities', base64 }));
    expect(await total(core, 'activities')).toBe(2);
    // the same date and title with other figures is another record, said so in the preview
    const other = await sheet([
      ['活动日期', '活动名称', '活动形式', '参与人数'],
      ['2025-03-15', '消费者权益日宣传', '集中宣传', 150],
    ]);
    const p = ok(await core.call('excel.preview', { register: 'activities', base64: other }));
    expect(p).toMatchObject({ new: 1, duplicates: 0 });
    expect(p.changes[0].note).toContain('台账中已有同日期、同活动名称的记录');
    core.close();
  });

  it('the same cases (by 案号) and inspections (date and 检查对象) imported twice are skipped', async () => {
    const core = memoryCore();
    const cases = await sheet([
      ['案号', '受理日期', '纠纷类型', '调解状态'],
      ['清河调〔2025〕1号', '2025-03-01', '邻里', '调解中'],
    ]);
    ok(await core.call('excel.import', { register: 'mediationCases', base64: cases }));
    expect(ok(await core.call('excel.preview', { register: 'mediationCases', base64: cases }))).toMatchObject({ duplicates: 1, new: 0, issueCount: 0 });
    const insp = await sheet([
      ['检查日期', '执法领域', '检查对象', '处理结果'],
      ['2025-05-01', '安全生产', '恒达建材有限公司', '未发现问题'],
    ]);
    ok(await core.call('excel.import', { register: 'inspections', base64: insp }));
    expect(ok(await core.call('excel.preview', { register: 'inspections', base64: insp }))).toMatchObject({ duplicates: 1, new: 0 });
    expect(await total(core, 'inspections')).toBe(1);
    core.close();
  });
});
