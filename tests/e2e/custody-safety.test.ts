// What the clerk sees of issue 8: personal data stays home unless ticked, the
// preview says whether a package holds any and shows a future-dated record as a
// conflict, and restoring a backup with bad rows says which are left out.
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startApp, type TestApp } from './harness.ts';
import { AppShell } from './pages/app-shell.ts';
import { ExchangePageObject } from './pages/exchange-page.ts';

const SHOTS = process.env.FAZHI_SCREENSHOTS;
async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

const CASE = { id: 'm1', caseNo: '清河调〔2024〕1号', acceptedOn: '2024-04-02', closedOn: '2024-04-05', type: 'neighbor', village: '石桥村', parties: '张三、李四', partyCount: 2, summary: '张三与李四因排水发生纠纷', status: 'success' };

describe.skipIf(!hasChromium)('数据保管：个人信息、冲突与恢复', () => {
  let app: TestApp;
  let shell: AppShell;
  let exchange: ExchangePageObject;
  const tmp = mkdtempSync(join(tmpdir(), 'fazhi-e2e-safety-'));

  beforeAll(async () => {
    app = await startApp();
    await app.page.getByTestId('nav').waitFor();
    shell = new AppShell(app.page);
    exchange = new ExchangePageObject(app.page);
    const r = await app.core.call('mediationCases.create', { record: CASE });
    if (!r.ok) throw new Error(r.error.message);
    const a = await app.core.call('activities.create', { record: { id: 'a1', date: '2024-03-15', title: '宪法宣传', kind: 'campaign' } });
    if (!a.ok) throw new Error(a.error.message);
  });
  afterAll(async () => {
    await app?.close();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await app.page.screenshot({ path: `/tmp/e2e-fail-safety-${task.name.slice(0, 20)}.png` }).catch(() => undefined);
    expect(app.takeErrors()).toEqual([]);
  });

  async function exportPackage(withPersonal: boolean): Promise<string> {
    await shell.goto('数据交换');
    await shell.pickOption(app.page.getByTestId('export-year'), '全部年度');
    const box = app.page.getByTestId('export-with-personal');
    if ((await box.locator('input').isChecked()) !== withPersonal) await box.click();
    const download = app.page.waitForEvent('download');
    await app.page.getByTestId('export').click();
    const file = await download;
    const path = join(tmp, `${withPersonal ? 'full' : 'plain'}-${file.suggestedFilename()}`);
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
    const file = join(tmp, 'future.json');
    writeFileSync(file, JSON.stringify(pkg));
    await shell.goto('数据交换');
    await exchange.pickPackage(file);
    await exchange.preview.waitFor();
    expect(await app.page.getByTestId('preview-personal').innerText()).toContain('不含当事人等个人信息');
    const conflicts = app.page.getByTestId('zip-conflicts');
    await conflicts.getByText('修改时间在未来').waitFor();
    expect(await conflicts.innerText()).toContain('本机的');
    await shot(app.page, 'preview-future-conflict');
    if (SHOTS) await conflicts.screenshot({ path: join(SHOTS, 'conflicts-table.png') });
    await app.page.getByRole('button', { name: '重新选择' }).click();
  });

  it('restoring a backup with an invalid row lists what would be left out; 取消 changes nothing', async () => {
    const src = join(tmp, 'bad.db');
    app.core.ctx.db.prepare('VACUUM INTO ?').run(src);
    const db = new Database(src);
    db.pragma('journal_mode = DELETE');
    db.exec(`UPDATE activities SET kind = 'hacked';
      CREATE TRIGGER wipe AFTER INSERT ON mediation_cases BEGIN DELETE FROM mediation_cases; END;`);
    db.close();
    await shell.goto('设置');
    const panel = app.page.getByTestId('backup-panel');
    await panel.waitFor();
    const chooser = app.page.waitForEvent('filechooser');
    await panel.getByTestId('restore-file').click();
    await (await chooser).setFiles(src);
    const box = app.page.locator('.restore-confirm');
    await box.getByText('不符合要求').waitFor();
    const text = await box.innerText();
    expect(text).toContain('普法宣传活动');
    expect(text).toContain('形式');
    expect(text).not.toContain('张三');
    await shot(app.page, 'restore-invalid-rows');
    await box.getByRole('button', { name: '取消' }).click();
    const list = await app.core.call('activities.list', {});
    expect(list.ok && list.value.total).toBe(1);
  });
});
