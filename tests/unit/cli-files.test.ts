import ExcelJS from 'exceljs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseArgs, UsageError } from '../../electron/shared/cli-args.ts';
import { backupCommand, backupCommands, backupsCommand, restoreCommand } from '../../electron/cli/commands/backup.ts';
import { excelCommands, exportXlsxCommand, importXlsxCommand, templateXlsxCommand } from '../../electron/cli/commands/excel.ts';
import { exchangeCommands, exportZipCommand, importZipCommand } from '../../electron/cli/commands/exchange.ts';
import { createCore, type Core } from '../../electron/core/index.ts';
import { ok, SAMPLES, tempDir } from '../helpers/core.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  vi.restoreAllMocks();
});

function setup(): { core: Core; dir: string; out: string[]; err: string[] } {
  const t = tempDir('fazhi-cli-');
  const core = createCore({ dbPath: join(t.dir, 'ledger.db') });
  cleanups.push(() => {
    core.close();
    t.cleanup();
  });
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => {
    out.push(a.join(' '));
  });
  vi.spyOn(console, 'error').mockImplementation((...a) => {
    err.push(a.join(' '));
  });
  return { core, dir: t.dir, out, err };
}

const COMMANDS = { ...backupCommands, ...excelCommands, ...exchangeCommands };
const args = (name: string, argv: string[]) => parseArgs(argv, COMMANDS[name].valued);
const total = async (core: Core) => ok(await core.call('activities.list', { pageSize: 1 })).total;

describe('CLI file commands: Excel, backups, packages with attachments', () => {
  it('template-xlsx → fill → import-xlsx --dry-run → import-xlsx → export-xlsx', async () => {
    const { core, dir, out } = setup();
    const tpl = join(dir, '模板.xlsx');
    expect(await templateXlsxCommand(core, args('template-xlsx', ['普法活动', '--out', tpl]))).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(tpl);
    const ws = wb.worksheets[0];
    ws.getCell('A3').value = '2024-03-15';
    ws.getCell('B3').value = '宪法宣传';
    ws.getCell('C3').value = '集中宣传';
    const filled = join(dir, '填好的.xlsx');
    await wb.xlsx.writeFile(filled);
    expect(await importXlsxCommand(core, args('import-xlsx', ['activities', filled, '--dry-run']))).toBe(0);
    expect(out.join('\n')).toContain('（预检，未写入任何数据）');
    expect(await total(core)).toBe(0);
    expect(await importXlsxCommand(core, args('import-xlsx', ['activities', filled]))).toBe(0);
    expect(await total(core)).toBe(1);
    const exported = join(dir, '导出.xlsx');
    expect(await exportXlsxCommand(core, args('export-xlsx', ['activities', '--year', '2024', '--out', exported]))).toBe(0);
    expect(existsSync(exported)).toBe(true);
  });

  it('import-xlsx of a bad sheet or a file that is not xlsx: exit 1, Chinese on stderr, nothing written', async () => {
    const { core, dir, out, err } = setup();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a').addRows([
      ['活动日期', '活动名称', '形式'],
      ['2023.13.45', '错日期', '集中宣传'],
    ]);
    const bad = join(dir, 'bad.xlsx');
    await wb.xlsx.writeFile(bad);
    expect(await importXlsxCommand(core, args('import-xlsx', ['activities', bad]))).toBe(1);
    expect(out.join('\n')).toContain('第2行 A列「活动日期」：「活动日期」不是有效日期：“2023.13.45”');
    expect(err.join('\n')).toContain('未导入任何记录');
    const notXlsx = join(dir, 'a.csv');
    writeFileSync(notXlsx, '活动日期,活动名称\n');
    expect(await importXlsxCommand(core, args('import-xlsx', ['activities', notXlsx]))).toBe(1);
    expect(err.join('\n')).toContain('这不是 Excel（.xlsx）文件');
    expect(await importXlsxCommand(core, args('import-xlsx', ['activities', join(dir, 'missing.xlsx')]))).toBe(1);
    expect(await total(core)).toBe(0);
    await expect(importXlsxCommand(core, args('import-xlsx', ['nonsense', bad]))).rejects.toThrow(UsageError);
    await expect(importXlsxCommand(core, args('import-xlsx', ['activities']))).rejects.toThrow(UsageError);
  });

  it('backup --out, backups, restore; a foreign file is refused with the data untouched', async () => {
    const { core, dir, out, err } = setup();
    ok(await core.call('activities.create', { record: SAMPLES.activities }));
    const file = join(dir, '备份.zip');
    expect(await backupCommand(core, args('backup', ['--out', file]))).toBe(0);
    expect(await backupCommand(core, args('backup', []))).toBe(0);
    expect(await backupsCommand(core, args('backups', []))).toBe(0);
    expect(out.join('\n')).toMatch(/手动备份/);
    ok(await core.call('activities.create', { record: SAMPLES.activities }));
    const foreign = join(dir, 'x.zip');
    writeFileSync(foreign, readFileSync(file).subarray(0, 500));
    expect(await restoreCommand(core, args('restore', [foreign]))).toBe(1);
    expect(err.join('\n')).toMatch(/未恢复，现有数据未改动/);
    expect(await total(core)).toBe(2);
    expect(await restoreCommand(core, args('restore', [file]))).toBe(0);
    expect(await total(core)).toBe(1);
  });

  it('export-zip and import-zip --dry-run', async () => {
    const { core, dir, out } = setup();
    ok(await core.call('settings.update', { township: { name: '小陶镇', authority: '永安市小陶镇人民政府' } }));
    ok(await core.call('activities.create', { record: SAMPLES.activities }));
    const zip = join(dir, 'pkg.zip');
    expect(await exportZipCommand(core, args('export-zip', ['--out', zip]))).toBe(0);
    expect(await importZipCommand(core, args('import-zip', [zip, '--dry-run']))).toBe(0);
    expect(out.join('\n')).toContain('附件：新增 0，已有 0，无效 0');
  });
});
