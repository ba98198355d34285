// 年度报告 in Chromium (issue 17): the clerk's number that contradicts the ledger is a red
// 必须核对 line with 改为台账数字, which rewrites the stored text; the subsections of 一
// are reordered on the page and the report follows.
import { describe, expect, it } from 'vitest';
import { hasChromium, shot, useApp } from './harness.ts';

const YEAR = 2023;

describe.skipIf(!hasChromium)('年度报告：一个声音', () => {
  const app = useApp({ fixture: '000_3b1c3260cd606f40', year: YEAR });

  it('shows 必须核对 in red and 改为台账数字 rewrites the clerk’s number', async () => {
    const report = await app.shell.goto('年度报告');
    const line = report.warnings.locator('li[data-must-check]').filter({ hasText: '成功率98.8%' });
    await line.waitFor();
    await line.getByText('必须核对', { exact: true }).waitFor();
    await report.warnings.getByTestId('must-check-count').waitFor();
    await line.scrollIntoViewIfNeeded();
    await shot(app.page, 'report-must-check');
    await line.getByTestId('review-action').click();
    await line.waitFor({ state: 'detached' });
    const p = await app.call('years.getProfile', { year: YEAR });
    expect(p.measures.mediation).toContain('成功率98.9%');
    expect(p.measures.mediation).not.toContain('98.8%');
    expect(await report.warnings.locator('li[data-must-check]').count()).toBe(0);
    await shot(app.page, 'report-must-check-fixed');
  });

  it('reorders the subsections of 一 and the report follows', async () => {
    const report = await app.shell.goto('年度报告');
    const before = (await app.call('report.model', { year: YEAR })).measureAreas.map((a) => a.key);
    const second = before[1];
    await app.page.getByTestId(`measure-up-${second}`).click();
    await expect.poll(async () => (await app.call('years.getProfile', { year: YEAR })).measureOrder?.slice(0, 2)).toEqual([second, before[0]]);
    const label = (await app.call('report.model', { year: YEAR })).measureAreas[0].label;
    await expect.poll(async () => (await app.page.locator('.measure .measure-label').first().innerText()).includes(label)).toBe(true);
    // drag the third area onto the first (both on screen)
    const last = before[2];
    await app.page.getByTestId(`measure-drag-${last}`).dragTo(app.page.getByTestId(`measure-${second}`).locator('.measure-facts'));
    await expect.poll(async () => (await app.call('years.getProfile', { year: YEAR })).measureOrder?.[0]).toBe(last);
    await app.page.getByTestId(`measure-${last}`).scrollIntoViewIfNeeded();
    await shot(app.page, 'report-reordered');
    const preview = await report.openPreview();
    await preview.waitFor();
    await shot(app.page, 'report-reordered-preview');
  });
});
