// 年度报告's 审稿 list in Chromium: personal data typed into a measure's text
// blocks the export; the export asks for a missing 成文日期, proposing one in the
// allowed window, and the saved date is the one printed.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxText, hasChromium, useApp } from './harness.ts';
import { messageBox } from './pages/widgets.ts';

const YEAR = 2020;

describe.skipIf(!hasChromium)('年度报告：审稿与成文日期', () => {
  // the package brings its own township names
  const app = useApp({ township: null, fixture: '002_b806baa4f7d74a32', year: YEAR });

  it('blocks the export while a text holds a mobile number, and says where', async () => {
    const { page } = app;
    const report = await app.shell.goto('年度报告');
    await report.warnings.locator('[data-kind="no_report_date"]').waitFor();
    const text = report.measure('text', 'publicity');
    await text.fill('联系人电话13912345678。');
    await report.waitSaved();
    const item = report.warnings.locator('[data-kind="personal_data"]');
    await item.getByText('“普法宣传”含有手机号码').waitFor();
    expect(await item.textContent()).not.toContain('13912345678');
    await page.getByTestId('export-word').click();
    await page.getByRole('alert').getByText('不能导出').waitFor();
    await text.fill('');
    await report.waitSaved();
    await item.waitFor({ state: 'detached' });
  });

  it('asks for the 成文日期 at export, proposing one in the window', async () => {
    const report = await app.shell.goto('年度报告');
    await report.warnings.locator('[data-kind="no_report_date"]').waitFor();
    const download = await report.exportWord(async () => {
      const box = messageBox(app.page);
      await box.getByText('还没有填写成文日期').waitFor();
      const date = box.getByRole('textbox');
      expect(await date.inputValue()).toBe(`${YEAR + 1}-01-15`);
      await date.fill(`${YEAR + 1}-01-12`);
      await box.getByRole('button', { name: '确定并导出' }).click();
    });
    expect((await app.call('years.getProfile', { year: YEAR })).reportDate).toBe(`${YEAR + 1}-01-12`);
    const file = join(app.dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(await docxText(file)).toContain(`${YEAR + 1}年1月12日`);
    await report.warnings.locator('[data-kind="no_report_date"]').waitFor({ state: 'detached' });
  });

  it('a 审稿 list longer than its box says how many lines follow, until scrolled to the end (issue 23)', async () => {
    const { page } = app;
    const report = await app.shell.goto('年度报告');
    await report.warnings.locator('[data-kind="no_report_date"]').waitFor();
    // one 不能导出 line per measure text holding a mobile number: more than the box shows
    const areas = ['leadership', 'decisions', 'enforcement', 'publicity', 'mediation', 'openness', 'supervision'];
    for (const a of areas) await report.measure('text', a).fill(`联系人电话1391234567${areas.indexOf(a)}。`);
    await report.waitSaved();
    await expect.poll(() => report.warnings.locator('[data-kind="personal_data"]').count()).toBe(areas.length);
    const box = report.warnings.locator('ul.review-list');
    const more = report.warnings.getByTestId('review-more');
    await more.waitFor();
    const hidden = await box.evaluate((ul) => {
      const bottom = ul.getBoundingClientRect().bottom;
      return [...ul.querySelectorAll('li')].filter((li) => li.getBoundingClientRect().bottom > bottom + 1).length;
    });
    expect(hidden).toBeGreaterThan(0);
    expect(await more.textContent()).toContain(`还有 ${hidden} 项，向下滚动查看`);
    await report.warnings.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/i25/review-more.png' });
    await box.evaluate((ul) => ul.scrollTo({ top: ul.scrollHeight }));
    await more.waitFor({ state: 'detached' });
    await page.screenshot({ path: '/tmp/i25/review-end.png' });
    for (const a of areas) await report.measure('text', a).fill('');
    await report.waitSaved();
  });

  it('a text whose number contradicts the ledger is tagged 必须核对, not 已填写, until corrected (issues 17.1, 23.6)', async () => {
    const { page } = app;
    const report = await app.shell.goto('年度报告');
    await report.warnings.locator('[data-kind="no_report_date"]').waitFor();
    const section = report.section('leaderDuties');
    // the ledger says 37 disputes this year
    await report.narrative('leaderDuties').fill('镇党委书记亲自部署，全年受理矛盾纠纷30件。');
    await report.measure('text', 'mediation').fill('全年受理矛盾纠纷30件，均已办结。');
    await report.waitSaved();
    await section.getByTestId('section-must-check').waitFor();
    // (the 已填写 tag leaves with Element Plus's transition)
    await expect.poll(() => section.locator('.head').textContent()).not.toContain('已填写');
    await page.getByTestId('measure-must-check-mediation').waitFor();
    await page.getByTestId('measure-must-check-mediation').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/i25/measure-must-check.png' });
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/i25/section-must-check.png' });
    // 改为台账数字 on the section's line: the tag turns back to 已填写
    await report.warnings.locator('li.contradiction', { hasText: '第一责任人' }).getByTestId('review-action').click();
    await section.locator('.head').getByText('已填写').waitFor();
    await expect.poll(() => section.getByTestId('section-must-check').count()).toBe(0);
    expect(await report.narrative('leaderDuties').inputValue()).toContain('受理矛盾纠纷37件');
    await page.getByTestId('measure-must-check-mediation').waitFor();
    await report.measure('text', 'mediation').fill('');
    await report.narrative('leaderDuties').fill('');
    await report.waitSaved();
    await page.getByTestId('measure-must-check-mediation').waitFor({ state: 'detached' });
  });

  it("the report's 打印 numbers its pages 「— N —」 as the Word file does, odd right and even left", async () => {
    const { page } = app;
    const report = await app.shell.goto('年度报告');
    await report.warnings.locator('[data-kind="no_report_date"]').waitFor();
    // the browser's print dialog is replaced by a note of what was about to print
    await page.evaluate(() => {
      const w = window as unknown as { print: () => void; printed?: { rule: string; html: string } };
      w.print = () => {
        w.printed = { rule: document.getElementById('print-page-size')?.textContent ?? '', html: document.getElementById('print-host')?.innerHTML ?? '' };
      };
    });
    await page.getByTestId('print-report').click();
    const printed = await page
      .waitForFunction(() => (window as unknown as { printed?: { rule: string; html: string } }).printed)
      .then((h) => h.jsonValue() as Promise<{ rule: string; html: string }>);
    expect(printed.rule).toContain('"— " counter(page) " —"');
    expect(printed.rule).not.toContain('共');
    expect(printed.html).toContain('法治政府建设情况报告');
    // the same print laid out by Chromium: the numbers at the foot, odd pages right, even pages left
    await page.evaluate((p) => {
      const style = document.createElement('style');
      style.textContent = p.rule;
      document.head.appendChild(style);
      const host = document.getElementById('print-host') ?? document.body.appendChild(Object.assign(document.createElement('div'), { id: 'print-host' }));
      host.innerHTML = p.html;
      document.body.classList.add('printing');
    }, printed);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    writeFileSync('/tmp/i25/report-print.pdf', pdf);
    const text = execFileSync('pdftotext', ['-layout', '/tmp/i25/report-print.pdf', '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((t) => t.trim());
    expect(pages.length).toBeGreaterThan(1);
    const columns = pages.map((t, k) => {
      const last = t.trimEnd().split('\n').pop()!;
      expect(last.trim(), `page ${k + 1}`).toMatch(new RegExp(`^— ?${k + 1} ?—$`));
      return last.indexOf('—');
    });
    // odd pages at the right, even pages at the left
    const odd = columns.filter((_, k) => k % 2 === 0);
    const even = columns.filter((_, k) => k % 2 === 1);
    expect(Math.min(...odd)).toBeGreaterThan(Math.max(...even) + 10);
    await page.evaluate(() => {
      document.body.classList.remove('printing');
      document.getElementById('print-host')!.innerHTML = '';
    });
  });
});
