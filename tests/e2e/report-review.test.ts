// 年度报告's 审稿 list in Chromium: personal data typed into a measure's text
// blocks the export; the export asks for a missing 成文日期, proposing one in the
// allowed window, and the saved date is the one printed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixturePackage, tempDir } from '../helpers/core.ts';
import { hasChromium, startApp, type TestApp } from './harness.ts';
import { AppShell } from './pages/app-shell.ts';
import { ReportPageObject } from './pages/report-page.ts';

const YEAR = 2020;

describe.skipIf(!hasChromium)('年度报告：审稿与成文日期', () => {
  let app: TestApp;
  const tmp = tempDir('fazhi-e2e-review-');
  beforeAll(async () => {
    app = await startApp({ township: null });
    const r = await app.core.call('exchange.import', { content: fixturePackage('002_b806baa4f7d74a32') });
    if (!r.ok) throw new Error(r.error.message);
    await app.page.reload();
  });
  afterAll(async () => {
    await app?.close();
    tmp.cleanup();
  });
  afterEach(() => {
    expect(app.takeErrors()).toEqual([]);
  });

  it('blocks the export while a text holds a mobile number, and says where', async () => {
    const { page } = app;
    const shell = new AppShell(page);
    await shell.goto('年度报告');
    await shell.selectYear(YEAR);
    const report = new ReportPageObject(page);
    await report.warnings.locator('[data-kind="no_report_date"]').waitFor();
    const text = page.locator('textarea[data-testid="measure-text-publicity"], [data-testid="measure-text-publicity"] textarea');
    await text.fill('联系人电话13912345678。');
    await report.waitSaved();
    const item = report.warnings.locator('[data-kind="personal_data"]');
    await item.getByText('“普法宣传”含有手机号码').waitFor();
    expect(await item.textContent()).not.toContain('13912345678');
    await page.getByTestId('export-word').click();
    await page.locator('.el-message--error').getByText('不能导出').waitFor();
    await text.fill('');
    await report.waitSaved();
    await item.waitFor({ state: 'detached' });
  });

  it('asks for the 成文日期 at export, proposing one in the window', async () => {
    const { page } = app;
    const report = new ReportPageObject(page);
    const download = await report.exportWord(async () => {
      const box = page.locator('.el-message-box:visible');
      await box.getByText('还没有填写成文日期').waitFor();
      expect(await box.locator('input').inputValue()).toBe(`${YEAR + 1}-01-15`);
      await box.locator('input').fill(`${YEAR + 1}-01-12`);
      await box.getByRole('button', { name: '确定并导出' }).click();
    });
    const saved = await app.core.call('years.getProfile', { year: YEAR });
    expect(saved.ok && saved.value.reportDate).toBe(`${YEAR + 1}-01-12`);
    const file = join(tmp.dir, download.suggestedFilename());
    await download.saveAs(file);
    const xml = await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
    expect(xml).toContain(`${YEAR + 1}年1月12日`);
    await report.warnings.locator('[data-kind="no_report_date"]').waitFor({ state: 'detached' });
  });
});
