// 其他法治工作: the form shows the fields of the chosen 工作类别 only (no 考试合格人数 for a
// 行政复议 entry), saves nothing it hides, and the list filters by 细分类别 named in Chinese.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fieldApplies, WORK_ITEM } from '../../electron/shared/registers.ts';
import { currentYear, hasChromium, startApp, type TestApp } from './harness.ts';
import { AppShell } from './pages/app-shell.ts';
import { RegisterPageObject } from './pages/register-page.ts';

describe.skipIf(!hasChromium)('其他法治工作: fields by 工作类别', () => {
  let app: TestApp;
  let reg: RegisterPageObject;
  const year = currentYear();

  beforeAll(async () => {
    app = await startApp({ demoYear: year });
    await app.page.getByTestId('nav').waitFor();
    await new AppShell(app.page).goto('其他法治工作');
    reg = new RegisterPageObject(app.page, 'workItems');
    await reg.waitLoaded();
  });
  afterAll(async () => {
    await app?.close();
  });
  afterEach(() => {
    expect(app.takeErrors()).toEqual([]);
  });

  const shownKeys = () => reg.dialog.locator('[data-field]').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')));

  it('shows each category its own fields, and saves none it hides', async () => {
    await reg.openNew();
    for (const [label, code] of [['集体学法', 'study'], ['学法考试', 'exam'], ['合法性审查', 'legal_review'], ['行政复议案件', 'reconsideration']] as const) {
      await reg.fill({ category: label });
      const want = WORK_ITEM.fields.filter((f) => fieldApplies(f, { category: code })).map((f) => f.key);
      await expect.poll(shownKeys).toEqual(want);
    }
    expect(await shownKeys()).not.toContain('passed');
    await reg.fill({ category: '学法考试', date: `${year}-05-01`, title: '类别改为行政复议的一项' });
    for (const [key, value] of [['participants', '30'], ['passed', '28']]) {
      const input = reg.fieldItem(key).locator('input');
      await input.fill(value);
      await input.press('Tab');
    }
    await reg.fill({ category: '行政复议案件' });
    await reg.saveAndClose();
    const r = await app.core.call('workItems.list', { year, keyword: '类别改为行政复议' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.items.map((w) => [w.category, w.participants, w.passed])).toEqual([['reconsideration', 0, 0]]);
  });

  it('filters by 细分类别, its codes named in Chinese', async () => {
    await app.page.getByTestId('filter-more').click();
    await reg.filterBy('subkind', '合同');
    await expect.poll(async () => (await reg.rows().allInnerTexts()).every((t) => t.includes('合同'))).toBe(true);
    const r = await app.core.call('workItems.list', { year, filters: { subkind: 'contract' } });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.total).toBeGreaterThan(0);
    await expect.poll(() => app.page.getByTestId('list-total').innerText()).toContain(`筛选出 ${r.value.total} 条`);
  });

  it('offers, once a 工作类别 is chosen, only its own 细分类别', async () => {
    await reg.clearFilters();
    await reg.filterBy('category', '法治培训');
    if (!(await app.page.getByTestId('filter-subkind').isVisible())) await app.page.getByTestId('filter-more').click();
    const select = app.page.getByTestId('filter-subkind');
    await select.click();
    const listId = await select.locator('input[aria-controls]').first().getAttribute('aria-controls');
    const options = app.page.locator(`[id="${listId}"] .el-select-dropdown__item`);
    await options.first().waitFor();
    const labels = await options.allInnerTexts();
    expect(labels).toContain('执法人员');
    expect(labels).not.toContain('合同');
    await app.page.keyboard.press('Escape');
  });
});
