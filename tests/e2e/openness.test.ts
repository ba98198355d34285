// 依申请公开 and the 政务公开年报 in Chromium: enter requests (the result picked from the
// national rows, a late reply warned), fill the 年度信息 openness fields, see the tables and
// the agreement checks (with a way to the records), export Word and find it on 首页.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxText, hasChromium, useApp } from './harness.ts';

const YEAR = 2025;

describe.skipIf(!hasChromium)('政务公开年报', () => {
  const app = useApp({
    year: YEAR,
    seed: async (call) => {
      for (const record of [
        { date: '2025-06-30', category: 'disclosure', title: '上半年主动公开政府信息', count: 12 },
        { date: '2025-05-01', category: 'litigation', title: '行政诉讼应诉', count: 1 },
      ])
        await call('workItems.create', { record });
    },
  });
  /** what the first two tests enter through the UI, written through the API */
  async function requestsAndFigures() {
    await app.call('disclosureRequests.create', {
      record: {
        receivedOn: '2025-03-05',
        applicantType: 'natural',
        applicant: '令狐冲霄',
        subject: '申请公开青山村道路工程招标文件',
        result: 'withheld_process',
        resultOn: '2025-04-30',
      },
    });
    await app.call('disclosureRequests.create', { record: { receivedOn: '2025-12-29', applicantType: 'business', subject: '申请公开年度预算' } });
    await app.call('years.saveProfile', { year: YEAR, openness: { normativeIssued: 3, normativeInForce: 7, disclosureDisputes: { review: { upheld: 1 } } } });
  }

  it('enters requests: the result from the national rows, 办理中 without one, a late reply warned', async () => {
    const { page } = app;
    const reg = await app.shell.goto('依申请公开');
    await reg.openNew();
    // the form opens on its first field, 收到申请日期 (its calendar over the fields below): a date first
    await reg.fill({ receivedOn: '2025-03-05' });
    // the choices are grouped as table 三 groups them
    await reg.fieldItem('result').getByRole('combobox').click();
    await page.locator('.el-select-group__title:visible', { hasText: '（三）不予公开' }).waitFor();
    await page.keyboard.press('Escape');
    await reg.fill({
      receivedOn: '2025-03-05',
      applicantType: '自然人',
      applicant: '令狐冲霄',
      subject: '申请公开青山村道路工程招标文件',
      result: '属于四类过程性信息',
      resultOn: '2025-04-30',
    });
    await reg.dialog.getByTestId('data-warning').filter({ hasText: '超过20个工作日' }).waitFor();
    await reg.saveAndClose();
    await reg.rows('青山村道路工程').getByTestId('row-warning').waitFor();
    await reg.openNew();
    await reg.fill({ receivedOn: '2025-12-29', applicantType: '商业企业', subject: '申请公开年度预算' });
    await reg.saveAndClose();
    await reg.rows('年度预算').waitFor();
    const list = await app.call('disclosureRequests.list', { year: YEAR });
    expect(list.items.map((r) => [r.applicantType, r.result, r.resultOn])).toEqual([
      ['business', null, null],
      ['natural', 'withheld_process', '2025-04-30'],
    ]);
    // 办理中 is a filter of its own
    await reg.filterBy('result', '办理中（未答复）');
    await expect.poll(() => reg.rows().count()).toBe(1);
    await reg.rows('年度预算').waitFor();
  });

  it('fills the 年度信息 openness figures and the 复议/诉讼 table', async () => {
    const { page } = app;
    const shell = app.shell;
    const profile = await shell.goto('年度信息');
    await profile.setFigure('normativeIssued', 3);
    await profile.setFigure('normativeInForce', 7);
    const review = page.locator('[data-field="disclosureDisputes.review.upheld"] input');
    await review.fill('1');
    await review.blur();
    await profile.save();
    await shell.expectSuccess(`已保存${YEAR}年的年度信息`);
    expect((await app.call('years.getProfile', { year: YEAR })).openness).toMatchObject({
      normativeIssued: 3,
      normativeInForce: 7,
      disclosureDisputes: { review: { upheld: 1 } },
    });
  });

  it('shows the tables and the checks, links to the records, and exports Word', async () => {
    await requestsAndFigures();
    const shell = await app.reload();
    const { page } = app;
    const openness = await shell.goto('政务公开年报');
    const three = openness.table('requests', 'table-three');
    await expect
      .poll(async () => (await three.locator('tr[data-row="received"] td').allInnerTexts()).join(' '))
      .toBe('一、本年新收政府信息公开申请数量 1 1 0 0 0 0 2');
    expect((await three.locator('tr[data-row="withheld_process"] td').allInnerTexts()).slice(-7).join(' ')).toBe('1 0 0 0 0 0 1');
    expect((await three.locator('tr[data-row="carryForward"] td').allInnerTexts()).slice(-7).join(' ')).toBe('0 1 0 0 0 0 1');
    // the 复议 on 政府信息公开 is not among the year's 复议 cases: both figures, and a way to them
    const checks = openness.checks;
    const reviewCheck = checks.locator('[data-check="openness.review"]');
    await reviewCheck.getByText('表四政府信息公开行政复议1件，多于《法治政府建设情况报告》统计的全年行政复议案件0件').waitFor();
    await reviewCheck.getByText('查看行政复议案件').click();
    await page.locator('.register-page[data-register="workItems"]').waitFor();
    await page.getByTestId('filter-category').getByText('行政复议案件').waitFor();
    await page.goBack();

    // part 一 as the clerk writes it, with a count the ledger does not have
    const overview = page.locator('textarea[data-testid="openness-overview"], [data-testid="openness-overview"] textarea');
    await overview.fill('（一）主动公开。全年通过县政府门户网站主动公开政府信息10条。');
    await page.getByTestId('openness-save-state').filter({ hasText: '已保存' }).waitFor();
    await checks.locator('[data-check="openness.disclosure.text"]').getByText('“一、总体情况”写10条，台账“政务公开”事项合计12条').waitFor();
    await overview.fill('（一）主动公开。全年通过县政府门户网站主动公开政府信息12条。');
    await page.getByTestId('openness-save-state').filter({ hasText: '已保存' }).waitFor();
    await expect.poll(() => checks.locator('[data-check="openness.disclosure.text"]').count()).toBe(0);

    const dateInput = page.locator('input[data-testid="openness-date"], [data-testid="openness-date"] input').first();
    await dateInput.fill('2026-01-20');
    await dateInput.press('Enter');
    await page.getByRole('main').getByRole('heading', { level: 2 }).click();
    const downloaded = page.waitForEvent('download', { timeout: 30_000 });
    await page.getByTestId('openness-export').click();
    await shell.confirmBox('仍然导出');
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe(`小陶镇${YEAR}年政府信息公开工作年度报告.docx`);
    const file = join(app.dir, download.suggestedFilename());
    await download.saveAs(file);
    const text = await docxText(file);
    expect(text).toContain('永安市小陶镇人民政府');
    expect(text).toContain('2025年政府信息公开工作年度报告');
    expect(text).toContain('主动公开政府信息12条');
    expect(text).toContain('2026年1月20日');
    expect(text).toContain('第一项加第二项之和，等于第三项加第四项之和');
    expect(text).not.toContain('令狐冲霄');
    await page.getByTestId('openness-exported').waitFor();
  });

  it('首页 says the year’s 政务公开年报 was exported', async () => {
    await requestsAndFigures();
    await app.call('openness.export', { year: YEAR });
    await (await app.reload()).goto('首页');
    await app.page
      .getByTestId('openness-card-state')
      .filter({ hasText: `${YEAR}年《政府信息公开工作年度报告》已于` })
      .waitFor();
  });
});
