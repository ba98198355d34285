// 其他法治工作: the form shows the fields of the chosen 工作类别 only (no 考试合格人数 for a
// 行政复议 entry), saves nothing it hides, and the list filters by 细分类别 named in Chinese.
import { beforeEach, describe, expect, it } from 'vitest';
import { fieldApplies, WORK_ITEM } from '../../electron/shared/registers.ts';
import { currentYear, hasChromium, useApp } from './harness.ts';
import type { RegisterPageObject } from './pages/register-page.ts';

describe.skipIf(!hasChromium)('其他法治工作: fields by 工作类别', () => {
  const year = currentYear();
  const app = useApp({ demoYear: year });
  let reg: RegisterPageObject;
  beforeEach(async () => {
    reg = await app.shell.goto('其他法治工作');
  });

  const shownKeys = () => reg.dialog.locator('[data-field]').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')));

  it('shows each category its own fields, and saves none it hides', async () => {
    await reg.openNew();
    for (const [label, code] of [
      ['集体学法', 'study'],
      ['学法考试', 'exam'],
      ['合法性审查', 'legal_review'],
      ['行政复议案件', 'reconsideration'],
    ] as const) {
      await reg.fill({ category: label });
      const want = WORK_ITEM.fields.filter((f) => fieldApplies(f, { category: code })).map((f) => f.key);
      await expect.poll(shownKeys).toEqual(want);
    }
    expect(await shownKeys()).not.toContain('passed');
    await reg.fill({ category: '学法考试', date: `${year}-05-01`, title: '类别改为行政复议的一项' });
    for (const [key, value] of [
      ['participants', '30'],
      ['passed', '28'],
    ]) {
      const input = reg.fieldItem(key).locator('input');
      await input.fill(value);
      await input.press('Tab');
    }
    await reg.fill({ category: '行政复议案件' });
    await reg.saveAndClose();
    const r = await app.call('workItems.list', { year, keyword: '类别改为行政复议' });
    expect(r.items.map((w) => [w.category, w.participants, w.passed])).toEqual([['reconsideration', 0, 0]]);
  });

  it('filters by 细分类别, its codes named in Chinese', async () => {
    await app.page.getByTestId('filter-more').click();
    await reg.filterBy('subkind', '合同');
    await expect.poll(async () => (await reg.rows().allInnerTexts()).every((t) => t.includes('合同'))).toBe(true);
    const { total } = await app.call('workItems.list', { year, filters: { subkind: 'contract' } });
    expect(total).toBeGreaterThan(0);
    await expect.poll(() => app.page.getByTestId('list-total').innerText()).toContain(`筛选出 ${total} 条`);
  });

  it('offers, once a 工作类别 is chosen, only its own 细分类别', async () => {
    await reg.filterBy('category', '法治培训');
    if (!(await app.page.getByTestId('filter-subkind').isVisible())) await app.page.getByTestId('filter-more').click();
    const select = app.page.getByTestId('filter-subkind');
    await select.click();
    const listId = await select.getByRole('combobox').getAttribute('aria-controls');
    const options = app.page.locator(`[id="${listId}"]`).getByRole('option');
    await options.first().waitFor();
    const labels = await options.allInnerTexts();
    expect(labels).toContain('执法人员');
    expect(labels).not.toContain('合同');
    await app.page.keyboard.press('Escape');
  });
});
