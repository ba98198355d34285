// 行政执法数据 in Chromium: a penalty with 并处 and 决定日期 entered in the form, the five tables on
// the page, an agreement problem with the published 政务公开年报 listed with both figures and its
// link followed to the records, and the Word file exported (首页's 1月31日 link: tests/unit/enforcement).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxText, hasChromium, shot, useApp } from './harness.ts';
import { pickOption } from './pages/widgets.ts';

const YEAR = 2025;

describe.skipIf(!hasChromium)('行政执法数据', () => {
  const app = useApp({
    year: YEAR,
    seed: async (call) => {
      for (const record of [
        { date: '2025-03-02', field: 'work_safety', target: '青山加油站', outcome: 'penalty', penaltyKind: 'warning', penaltyLegalReview: true },
        { date: '2025-04-01', field: 'work_safety', target: '集镇街道', mode: 'patrol', outcome: 'no_issue' },
        { date: '2025-05-06', field: 'fire', target: '东风商店', outcome: 'no_issue', entrusted: true },
        { date: '2025-06-10', field: 'fire', target: '惠民超市', outcome: 'rectification', issuesFound: 2, issuesRectified: 2 },
      ])
        await call('inspections.create', { record });
      await call('years.saveProfile', { year: YEAR, certifiedEnforcers: 15, enforcersRequired: 16, enforcementActs: { licenseApplied: 3, licenseGranted: 3 } });
    },
  });

  it('enters a penalty with 并处 and 决定日期 in the form', async () => {
    const reg = await app.shell.goto('行政执法');
    await reg.openNew();
    await reg.fill({ date: '2025-07-03', field: '安全生产', target: '红星砖厂', outcome: '行政处罚', penaltyKind: '罚款', penaltyAmount: '3000' });
    const also = reg.fieldItem('penaltyAlsoKinds').getByRole('combobox');
    await pickOption(app.page, also, '责令停产停业、责令关闭、限制从业', { force: true });
    await app.page.keyboard.press('Escape');
    await reg.fill({ penaltyDecidedOn: '2025-07-10', penaltyProcedure: '普通程序' });
    await shot(app.page, 'enforcement-form');
    await reg.saveAndClose();
    await reg.rows('红星砖厂').waitFor();
    const list = await app.call('inspections.list', { year: YEAR });
    const rec = list.items.find((r) => r.target === '红星砖厂')!;
    expect([rec.penaltyKind, rec.penaltyAlsoKinds, rec.penaltyDecidedOn, rec.penaltyProcedure]).toEqual(['fine', ['closure'], '2025-07-10', 'general']);
  });

  it('shows the tables, lists a difference with the published 政务公开年报 and follows its link', async () => {
    // the 政务公开年报 published with one penalty; a second one entered afterwards
    await app.call('openness.export', { year: YEAR, date: '2026-01-10' });
    await app.call('inspections.create', {
      record: {
        date: '2025-07-03',
        field: 'work_safety',
        target: '红星砖厂',
        outcome: 'penalty',
        penaltyKind: 'fine',
        penaltyAlsoKinds: ['closure'],
        penaltyAmount: 3000,
      },
    });
    const shell = await app.reload();
    const { page } = app;
    const data = await shell.goto('行政执法数据');
    await expect.poll(() => data.figures('penalty')).toBe('1 0 0 0 0 0 1 0 0 2 0.30');
    expect(await data.figures('other')).toBe('0 0 0 0 0 0 3 0');
    expect(await data.figures('certification')).toBe('16 15 93.8%');
    await page
      .getByText('注：另受委托')
      .count()
      .then((n) => expect(n).toBe(0));
    const item = data.checks.locator('[data-check="enforcement.openness.exported"]');
    await item.getByText(/表一合计2宗，\d{4}-\d{2}-\d{2}导出的政务公开年报表二“行政处罚”写1件/).waitFor();
    await shot(page, 'enforcement-page');
    await item.getByText('查看本年度行政处罚').click();
    await page.locator('.register-page[data-register="inspections"]').waitFor();
    await expect.poll(() => page.locator('.register-page tbody tr').count()).toBe(2);
    await shot(page, 'enforcement-link-followed');
  });

  it('exports Word with the tables and the clerk’s text, dated in January', async () => {
    const shell = await app.reload();
    const { page } = app;
    await shell.goto('行政执法数据');
    const duties = page.locator('[data-testid="enforcement-duties"] textarea, textarea[data-testid="enforcement-duties"]');
    await duties.fill('小陶镇人民政府是本镇行政执法主体。');
    await page.getByTestId('enforcement-save-state').filter({ hasText: '已保存' }).waitFor();
    const dateInput = page.locator('[data-testid="enforcement-date"] input').first();
    await dateInput.fill('2026-01-20');
    await dateInput.press('Enter');
    await page.getByRole('main').getByRole('heading', { level: 2 }).click();
    const downloaded = page.waitForEvent('download', { timeout: 30_000 });
    await page.getByTestId('enforcement-export').click();
    await shell.confirmBox('仍然导出');
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe(`小陶镇${YEAR}年度行政执法数据.docx`);
    const file = join(app.dir, download.suggestedFilename());
    await download.saveAs(file);
    const text = await docxText(file);
    expect(text).toContain('永安市小陶镇人民政府2025年度行政执法数据');
    expect(text).toContain('小陶镇人民政府是本镇行政执法主体。');
    expect(text).toContain('2026年1月20日');
    expect(text).not.toContain('青山加油站');
  });
});
