// Excel through the UI: a clerk's Excel sheet imported on a register
// page (preview, bad rows listed, mapping, import, rows shown), the export
// button, attachments on a record, and the backup panel in 设置.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { crc32, deflateSync } from 'node:zlib';
import { createCore } from '../../electron/core/index.ts';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { currentYear, hasChromium, shot, useApp } from './harness.ts';

const y = currentYear();
/** a small solid-colour photo stand-in (PNG), 80 × 60 */
function png(width = 80, height = 60, rgb: [number, number, number] = [64, 120, 200]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => rgb[i % 3])]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const PNG = png();

async function sheet(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('登记表');
  ws.addRow([`${y}年普法活动登记表`]);
  ws.mergeCells('A1:F1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Answers the next file dialog (web mode: an <input type=file>) with these bytes. */
async function chooseFile(page: Page, click: () => Promise<void>, name: string, buffer: Buffer, mimeType: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click()]);
  await chooser.setFiles({ name, mimeType, buffer });
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function changesText(dialog: ReturnType<Page['getByRole']>, text: string) {
  await dialog.getByTestId('excel-changes').getByText(text).waitFor();
}

describe.skipIf(!hasChromium)('Excel, attachments and backups through the UI', () => {
  const app = useApp();
  /** the two activities the good sheet holds, written through the API */
  async function imported() {
    await app.call('activities.create', {
      record: { date: `${y}-05-08`, title: 'E2E民法典进村宣传', kind: 'campaign', audience: 120, place: '东岗村文化广场' },
    });
    await app.call('activities.create', { record: { date: `${y}-05-09`, title: 'E2E法治讲座进校园', kind: 'lecture', audience: 45, place: '镇中学' } });
  }

  it('lists the bad rows of a sheet and imports nothing', async () => {
    await app.shell.goto('普法宣传');
    await app.page.getByTestId('excel-import-open').click();
    const dialog = app.page.getByRole('dialog', { name: '从 Excel 导入普法宣传活动' });
    await dialog.waitFor();
    const bad = await sheet([
      ['活动时间', '活动主题', '活动形式', '参与人数', '负责人'],
      [`${y}.13.45`, '错日期的活动', '集中宣传', 10, '张三'],
      [`${y}-05-09`, '人数写成文字', '法治讲座', '很多', '李四'],
      [`${y}-05-10`, '正常的活动', '集中宣传', 30, '王五'],
    ]);
    await chooseFile(app.page, () => dialog.getByTestId('excel-pick').click(), '登记表.xlsx', bad, XLSX);
    const issues = dialog.getByTestId('excel-issues');
    await issues.waitFor();
    // title row 1, header row 2: the bad rows are 3 and 4
    await issues.getByText('第3行').waitFor();
    await issues.getByText('「活动日期」不是有效日期').waitFor();
    await issues.getByText('第4行').waitFor();
    await issues.getByText('「受众人次」应为不小于0的整数，现为“很多”').waitFor();
    expect(await dialog.getByTestId('excel-confirm').isDisabled()).toBe(true);
    await shot(app.page, 'excel-bad-rows');
    await dialog.getByRole('button', { name: '取消', exact: true }).click();
    const list = await app.core.call('activities.list', { year: y });
    expect(list.ok && list.value.total).toBe(0);
  });

  it("maps an unknown column, imports a clerk's sheet and shows the rows", async () => {
    const shell = app.shell;
    const reg = await shell.goto('普法宣传');
    await app.page.getByTestId('excel-import-open').click();
    const dialog = app.page.getByRole('dialog', { name: '从 Excel 导入普法宣传活动' });
    await dialog.waitFor();
    const good = await sheet([
      ['活动时间', '活动主题', '活动形式', '参与人数', '宣讲地点'],
      [`${y}-05-08`, 'E2E民法典进村宣传', '集中宣传', '120人', '东岗村文化广场'],
      [`${y}年5月9日`, 'E2E法治讲座进校园', '法治讲座', 45, '镇中学'],
      [],
      ['合计', '', '', 165, ''],
    ]);
    await chooseFile(app.page, () => dialog.getByTestId('excel-pick').click(), '本单位登记表.xlsx', good, XLSX);
    await dialog.getByTestId('excel-preview').waitFor();
    expect(await dialog.getByTestId('excel-valid').innerText()).toBe('2');
    // 宣讲地点 is not recognised: map it to 地点
    const mapSelect = dialog.getByTestId('excel-map-E');
    await shell.pickOption(mapSelect, '地点');
    await dialog.getByTestId('excel-columns').getByText('地点', { exact: true }).waitFor();
    await dialog.getByText('全部 2 行检查通过').waitFor();
    await shot(app.page, 'excel-preview');
    await dialog.getByTestId('excel-confirm').click();
    await shell.expectSuccess('已导入普法宣传活动 2 条');
    await reg.rows('E2E民法典进村宣传').first().waitFor();
    await reg.rows('E2E法治讲座进校园').first().waitFor();
    await shot(app.page, 'excel-imported');
    const list = await app.core.call('activities.list', { year: y, sortBy: 'date', sortOrder: 'asc' });
    const items = list.ok ? list.value.items : [];
    expect(items.map((i) => [i.date, i.kind, i.audience, i.place])).toEqual([
      [`${y}-05-08`, 'campaign', 120, '东岗村文化广场'],
      [`${y}-05-09`, 'lecture', 45, '镇中学'],
    ]);
  });

  it('shows per row what changes: 更新 with its fields, 未变, 重复，已跳过, and asks before emptying personal data', async () => {
    await imported();
    const exported = await app.call('excel.export', { register: 'activities', query: { year: y } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const col = (label: string) => (ws.getRow(2).values as unknown[]).indexOf(label);
    // one cell edited; a copy of the other row without its 记录编号 (already imported)
    const first = ws.getRow(3);
    first.getCell(col('受众人次')).value = 150;
    const copy = (ws.getRow(4).values as unknown[]).slice(1);
    copy[col('记录编号') - 1] = null;
    ws.spliceRows(5, 0, copy);
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    await app.shell.goto('普法宣传');
    await app.page.getByTestId('excel-import-open').click();
    const dialog = app.page.getByRole('dialog', { name: '从 Excel 导入普法宣传活动' });
    await dialog.waitFor();
    await chooseFile(app.page, () => dialog.getByTestId('excel-pick').click(), '导出后修改.xlsx', edited, XLSX);
    const changes = dialog.getByTestId('excel-changes');
    await changes.waitFor();
    expect(await dialog.getByTestId('excel-counts').innerText()).toBe('（新增 0，更新 1；未变 1，重复已跳过 1）');
    await changes.getByText(/「受众人次」\d+ → 150/).waitFor();
    await changes.getByText('重复，已跳过：台账中已有这条记录').waitFor();
    await shot(app.page, 'excel-changes');
    await dialog.getByTestId('excel-confirm').click();
    await app.shell.expectSuccess('已导入普法宣传活动 1 条（新增 0 条，更新 1 条；未变 1 条，重复已跳过 1 条）');
    const list = await app.core.call('activities.list', { year: y });
    expect(list.ok && list.value.total).toBe(2);
  });

  it('asks before a sheet empties personal data', async () => {
    await app.call('mediationCases.create', { record: { acceptedOn: `${y}-03-01`, type: 'neighbor', status: 'in_progress', summary: 'E2E纠纷简要情况' } });
    const exported = await app.call('excel.export', { register: 'mediationCases', query: { year: y }, withPersonal: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    ws.getRow(3).getCell((ws.getRow(2).values as unknown[]).indexOf('纠纷简要情况')).value = null;
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    await app.shell.goto('人民调解');
    await app.page.getByTestId('excel-import-open').click();
    const dialog = app.page.getByRole('dialog', { name: '从 Excel 导入人民调解案件' });
    await dialog.waitFor();
    await chooseFile(app.page, () => dialog.getByTestId('excel-pick').click(), '清空简要情况.xlsx', edited, XLSX);
    const warn = dialog.getByTestId('excel-personal');
    await warn.getByText('有 1 行会清空台账中已有的当事人等个人信息').waitFor();
    expect(await dialog.getByTestId('excel-confirm').isDisabled()).toBe(true);
    await shot(app.page, 'excel-personal-ask');
    await dialog.getByTestId('excel-allow-empty-personal').click();
    await changesText(dialog, '「纠纷简要情况」将被清空（个人信息）');
    expect(await dialog.getByTestId('excel-confirm').isDisabled()).toBe(false);
    await shot(app.page, 'excel-personal-allowed');
  });

  it('exports the list as Excel', async () => {
    await imported();
    await app.shell.goto('普法宣传');
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('excel-export').click()]);
    expect(download.suggestedFilename()).toMatch(/普法宣传活动台账.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    expect(wb.worksheets[0].getCell('A1').value).toMatch(/普法宣传活动台账/);
  });

  it('adds a photo to a record and shows its thumbnail', async () => {
    await imported();
    const reg = await app.shell.goto('普法宣传');
    await reg.openEdit('E2E民法典进村宣传');
    const field = reg.dialog.getByTestId('attachments');
    await field.waitFor();
    await chooseFile(app.page, () => field.getByTestId('attachment-add').click(), '现场照片.png', PNG, 'image/png');
    await field.getByTestId('attachment-item').first().waitFor();
    await field.locator('img').first().waitFor();
    await field.scrollIntoViewIfNeeded();
    await shot(app.page, 'attachment');
    const rec = await app.core.call('activities.list', { year: y, keyword: 'E2E民法典' });
    const id = rec.ok ? rec.value.items[0].id : '';
    const atts = await app.core.call('attachments.list', { register: 'activities', recordId: id });
    expect(atts.ok && atts.value.map((a) => a.fileName)).toEqual(['现场照片.png']);
    await reg.cancel();
  });

  it("imports a department's package with attachments (.zip) on 数据交换, previewing first", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-e2e-dept-'));
    const dept = createCore({ dbPath: join(dir, 'ledger.db') });
    try {
      await dept.call('settings.update', { township: { name: '小陶镇', authority: '永安市小陶镇人民政府' } });
      const insp = await dept.call('inspections.create', {
        record: {
          date: `${y}-06-01`,
          field: 'fire',
          target: 'E2E加油站',
          outcome: 'rectification',
          issuesFound: 2,
          issuesRectified: 1,
          department: '综合执法大队',
        },
      });
      if (!insp.ok) throw new Error(insp.error.message);
      await dept.call('attachments.add', {
        register: 'inspections',
        recordId: insp.value.id,
        fileName: '检查照片.png',
        base64: png(60, 40, [200, 80, 60]).toString('base64'),
      });
      const zip = await dept.call('exchange.exportZip', { department: '综合执法大队' });
      if (!zip.ok) throw new Error(zip.error.message);
      await app.shell.goto('数据交换');
      await chooseFile(
        app.page,
        () => app.page.getByTestId('pick-package').click(),
        zip.value.fileName,
        Buffer.from(zip.value.base64, 'base64'),
        'application/zip',
      );
      const details = app.page.getByTestId('zip-details');
      await details.waitFor();
      expect(await details.innerText()).toContain('附件：新增 1 个');
      await shot(app.page, 'zip-preview');
      const before = await app.core.call('inspections.list', { year: y });
      expect(before.ok && before.value.total).toBe(0);
      await app.page.getByTestId('confirm-import').click();
      await app.page.getByTestId('import-result').waitFor();
      const atts = await app.core.call('attachments.list', { register: 'inspections', recordId: insp.value.id });
      expect(atts.ok && atts.value.map((a) => a.fileName)).toEqual(['检查照片.png']);
    } finally {
      dept.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('backs up now and lists the backup in 设置', async () => {
    const panel = (await app.shell.goto('设置')).backupPanel;
    await panel.waitFor();
    await panel.getByTestId('backup-now').click();
    await app.shell.expectSuccess('已备份');
    await panel.getByTestId('backup-list').getByText('手动备份').waitFor();
    await shot(app.page, 'backup-panel');
  });
});

// screenshots for a look: FAZHI_SCREENSHOTS=/tmp/shots npx vitest run --project e2e tests/e2e/excel.test.ts
