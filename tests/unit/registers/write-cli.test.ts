// The write path's choices from the command line: --allow-empty-personal (import-xlsx) and
// --restore-from-bin (import, import-zip); the changes each import prints.
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/index.ts';
import { createCore } from '../../../electron/core/index.ts';
import { cliOutput, ok } from '../../helpers/core.ts';

const tmp = cliOutput();
const db = () => `${tmp.dir}/ledger.db`;

async function withCore<T>(fn: (core: ReturnType<typeof createCore>) => Promise<T>): Promise<T> {
  const core = createCore({ dbPath: db() });
  try {
    return await fn(core);
  } finally {
    core.close();
  }
}

describe('CLI: the write path’s choices', () => {
  it('import-xlsx refuses to empty personal data unless --allow-empty-personal, and prints what changes', async () => {
    const id = await withCore(async (core) => {
      ok(await core.call('settings.update', { township: { name: '清河镇', authority: '临江县清河镇人民政府' } }));
      return ok(
        await core.call('mediationCases.create', { record: { acceptedOn: '2025-03-01', type: 'neighbor', status: 'in_progress', summary: '双方因排水纠纷' } }),
      ).id;
    });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['记录编号', '受理日期', '纠纷类型', '调解状态', '纠纷简要情况', '调解员']);
    ws.addRow([id, '2025-03-01', '邻里', '调解中', '', '钱卫东']);
    const file = `${tmp.dir}/cases.xlsx`;
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(await runCli(['import-xlsx', 'mediationCases', file, '--db', db()])).toBe(1);
    expect(tmp.errs.join('\n')).toContain('确要清空请加 --allow-empty-personal');
    expect(await withCore(async (core) => ok(await core.call('mediationCases.get', { id })).summary)).toBe('双方因排水纠纷');
    expect(await runCli(['import-xlsx', 'mediationCases', file, '--allow-empty-personal', '--db', db()])).toBe(0);
    const printed = tmp.out.join('\n');
    expect(printed).toContain('更新 第2行');
    expect(printed).toContain('：调解员 （空） → 钱卫东；纠纷简要情况（个人信息，将清空）');
    // the text itself is personal: never printed
    expect(printed).not.toContain('双方因排水纠纷');
    expect(await withCore(async (core) => ok(await core.call('mediationCases.get', { id })).summary)).toBeNull();
  });

  it('import lists a record in the 回收站 and leaves it; --restore-from-bin restores it with the package’s copy', async () => {
    const id = await withCore(async (core) => {
      ok(await core.call('settings.update', { township: { name: '清河镇', authority: '临江县清河镇人民政府' } }));
      const a = ok(await core.call('activities.create', { record: { date: '2025-03-01', title: '宪法宣传', kind: 'campaign' } }));
      ok(await core.call('activities.delete', { id: a.id }));
      return a.id;
    });
    const file = `${tmp.dir}/p.json`;
    writeFileSync(
      file,
      JSON.stringify({
        format: 'fazhi-ledger-package',
        version: 1,
        township: { name: '清河镇', authority: '临江县清河镇人民政府' },
        activities: [{ id, date: '2025-03-01', title: '宪法宣传（改）', kind: 'campaign', updatedAt: '2099-01-01T00:00:00Z' }],
      }),
    );
    expect(await runCli(['import', file, '--db', db()])).toBe(0);
    expect(tmp.out.join('\n')).toContain('⚠ 本机在回收站中：普法宣传活动（第1条，2025-03-01 宪法宣传（改））');
    expect(await withCore(async (core) => ok(await core.call('activities.get', { id })).title)).toBe('宪法宣传');
    expect(await runCli(['import', file, '--restore-from-bin', '--db', db()])).toBe(0);
    expect(await withCore(async (core) => ok(await core.call('activities.get', { id })))).toMatchObject({ title: '宪法宣传（改）', deletedAt: null });
  });
});
