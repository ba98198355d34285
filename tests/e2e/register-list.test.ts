// A full year (the demo ledger): server-side sort, pagination with total, and
// the 村（社区） filter fed by suggestions.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Activity } from '../../electron/shared/records.ts';
import { currentYear, hasChromium, useApp } from './harness.ts';
import type { RegisterPageObject } from './pages/register-page.ts';

describe.skipIf(!hasChromium)('register list on a full year', () => {
  const year = currentYear() - 1;
  let all: Activity[] = [];
  const app = useApp({
    demoYear: year,
    year,
    seed: async (call) => {
      all = (await call('activities.list', { year, pageSize: 500 })).items;
    },
  });
  let reg: RegisterPageObject;
  beforeEach(async () => {
    reg = await app.shell.goto('普法宣传');
  });

  const firstCell = async (column: number) => (await reg.rows().first().getByRole('cell').nth(column).innerText()).trim();
  const pager = () => app.page.getByTestId('pager');
  const page2 = () => pager().getByRole('listitem', { name: '第 2 页' });

  it('shows the total and pages through it', async () => {
    await pager().getByText(`共 ${all.length} 条`).waitFor();
    expect(await reg.rows().count()).toBe(Math.min(20, all.length));
    const newest = [...all].sort((a, b) => b.date.localeCompare(a.date))[0]!;
    expect(await firstCell(0)).toBe(newest.date);
    await page2().click();
    await expect.poll(() => firstCell(0)).not.toBe(newest.date);
  });

  it('sorts on the server by a column, back on page 1', async () => {
    await page2().click();
    await reg.table
      .getByRole('columnheader', { name: /^受众人次/ })
      .locator('.caret-wrapper .descending')
      .click();
    const max = Math.max(...all.map((a) => a.audience));
    await expect.poll(() => firstCell(4)).toBe(new Intl.NumberFormat('zh-CN').format(max));
    expect(await pager().getByRole('listitem', { name: '第 1 页' }).getAttribute('aria-current')).toBe('true');
  });

  it('filters by 村（社区） from the suggestions', async () => {
    const village = all.find((a) => a.village)!.village!;
    const expected = all.filter((a) => a.village === village).length;
    await reg.filterBy('village', village);
    await app.page
      .getByTestId('list-total')
      .filter({ hasText: `筛选出 ${expected} 条` })
      .waitFor();
    expect(await reg.rows().count()).toBe(Math.min(expected, 20));
    for (const text of await reg.rows().allInnerTexts()) expect(text).toContain(village);
  });

  it('keeps the filters of a register when the clerk goes to 首页 and comes back', async () => {
    // a village where the keyword leaves some of its records out, so the count shows both filters at work
    let village = '';
    let expected = 0;
    for (const v of new Set(all.map((a) => a.village).filter((v) => v !== null))) {
      const both = (await app.call('activities.list', { year, keyword: '普法', filters: { village: v } })).total;
      if (both > 0 && both < all.filter((a) => a.village === v).length) [village, expected] = [v, both];
    }
    expect(village).not.toBe('');
    await reg.filterBy('village', village);
    await reg.search('普法');
    await app.page
      .getByTestId('list-total')
      .filter({ hasText: `筛选出 ${expected} 条` })
      .waitFor();
    await app.shell.goto('首页');
    const back = await app.shell.goto('普法宣传');
    await app.page
      .getByTestId('list-total')
      .filter({ hasText: `筛选出 ${expected} 条` })
      .waitFor();
    expect(await app.page.getByTestId('filter-keyword').inputValue()).toBe('普法');
    await back.clearFilters();
    await app.page.getByTestId('list-total').filter({ hasNotText: '筛选出' }).waitFor();
    // the label follows the filters at once, the rows when the list has reloaded
    await expect.poll(() => back.rows().count()).toBe(Math.min(20, all.length));
  });
});
