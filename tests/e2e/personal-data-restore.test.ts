// What the clerk sees of issue 8: personal data stays home unless ticked, the
// preview says whether a package holds any and shows a future-dated record as a
// conflict, and restoring a backup with bad rows says which are left out.
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasChromium, shot, SHOTS, useApp } from './harness.ts';
import { messageBox } from './pages/widgets.ts';

const CASE = {
  id: 'm1',
  caseNo: '清河调〔2024〕1号',
  acceptedOn: '2024-04-02',
  closedOn: '2024-04-05',
  type: 'neighbor',
  village: '石桥村',
  parties: '张三、李四',
  partyCount: 2,
  summary: '张三与李四因排水发生纠纷',
  status: 'success',
};

describe.skipIf(!hasChromium)('数据保管：个人信息、冲突与恢复', () => {
  const app = useApp({
    seed: async (call) => {
      await call('mediationCases.create', { record: CASE });
      await call('activities.create', { record: { id: 'a1', date: '2024-03-15', title: '宪法宣传', kind: 'campaign' } });
    },
  });

  /** exports every year from 数据交换 and returns the package's text */
  async function exportPackage(withPersonal: boolean): Promise<string> {
    const exchange = await app.shell.goto('数据交换');
    const file = await exchange.export('全部年度', withPersonal);
    const path = join(app.dir, `${withPersonal ? 'full' : 'plain'}-${file.suggestedFilename()}`);
    await file.saveAs(path);
    return readFileSync(path, 'utf8');
  }

  it('exports without 当事人 unless 「包含当事人等个人信息」 is ticked', async () => {
    const plain = await exportPackage(false);
    expect(plain).not.toContain('张三');
    await shot(app.page, 'export-personal');
    const full = await exportPackage(true);
    expect(full).toContain('张三、李四');
  });

  it('the preview says whether a package holds personal data and shows a future-dated record as a conflict', async () => {
    const pkg = JSON.parse(await exportPackage(false)) as Record<string, Record<string, unknown>[]>;
    pkg.activities[0] = { ...pkg.activities[0], title: '篡改的标题', updatedAt: '9999-12-31T00:00:00Z' };
    const file = join(app.dir, 'future.json');
    writeFileSync(file, JSON.stringify(pkg));
    const exchange = await app.shell.goto('数据交换');
    await exchange.pickPackage(file);
    await exchange.preview.waitFor();
    expect(await app.page.getByTestId('preview-personal').innerText()).toContain('不含当事人等个人信息');
    const conflicts = app.page.getByTestId('zip-conflicts');
    await conflicts.getByText('修改时间在未来').waitFor();
    expect(await conflicts.innerText()).toContain('本机的');
    await shot(app.page, 'preview-future-conflict');
    if (SHOTS) await conflicts.screenshot({ path: join(SHOTS, 'conflicts-table.png') });
    await exchange.repick();
  });

  it('restoring a backup with an invalid row lists what would be left out; 取消 changes nothing', async () => {
    const src = join(app.dir, 'bad.db');
    app.core.ctx.db.prepare('VACUUM INTO ?').run(src);
    const db = new Database(src);
    db.pragma('journal_mode = DELETE');
    db.exec(`UPDATE activities SET kind = 'hacked';
      CREATE TRIGGER wipe AFTER INSERT ON mediation_cases BEGIN DELETE FROM mediation_cases; END;`);
    db.close();
    const panel = (await app.shell.goto('设置')).backupPanel;
    await panel.waitFor();
    const chooser = app.page.waitForEvent('filechooser');
    await panel.getByTestId('restore-file').click();
    await (await chooser).setFiles(src);
    const box = messageBox(app.page);
    await box.getByText('不符合要求').waitFor();
    const text = await box.innerText();
    expect(text).toContain('普法宣传活动');
    expect(text).toContain('形式');
    expect(text).not.toContain('张三');
    await shot(app.page, 'restore-invalid-rows');
    await box.getByRole('button', { name: '取消' }).click();
    expect((await app.call('activities.list', {})).total).toBe(1);
  });
});
