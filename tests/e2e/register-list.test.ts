// A full year (the demo ledger): server-side sort, pagination with total, and
// the 村（社区） filter fed by suggestions.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from '../../electron/shared/records.ts';
import { currentYear, hasChromium, startApp, type TestApp } from './harness.ts';
import { AppShell } from './pages/app-shell.ts';
import { RegisterPageObject } from './pages/register-page.ts';

describe.skipIf(!hasChromium)('register list on a full year', () => {
  let app: TestApp;
  let reg: RegisterPageObject;
  let all: Activity[];
  const year = currentYear() - 1;

  beforeAll(async () => {
    app = await startApp({ demoYear: year });
    const r = await app.core.call('activities.list', { year, pageSize: 500 });
    if (!r.ok) throw new Error(r.error.message);
    all = r.value.items;
    await app.page.getByTestId('nav').waitFor();
    const shell = new AppShell(app.page);
    await shell.selectYear(year);
    await shell.goto('普法宣传');
    reg = new RegisterPageObject(app.page, 'activities');
    await reg.waitLoaded();
  });
  afterAll(async () => {
    await app?.close();
  });
  afterEach(() => {
    expect(app.takeErrors()).toEqual([]);
  });

  const firstCell = async (column: number) =>
    (await reg.rows().first().locator('td').nth(column).innerText()).trim();

  it('shows the total and pages through it', async () => {
    await app.page.getByTestId('pager').getByText(`共 ${all.length} 条`).waitFor();
    expect(await reg.rows().count()).toBe(Math.min(20, all.length));
    const newest = [...all].sort((a, b) => b.date.localeCompare(a.date))[0]!;
    expect(await firstCell(0)).toBe(newest.date);
    await app.page.getByTestId('pager').locator('.el-pager li', { hasText: /^2$/ }).click();
    await expect.poll(() => firstCell(0)).not.toBe(newest.date);
  });

  it('sorts on the server by a column', async () => {
    await reg.table.locator('th', { hasText: '受众人次' }).locator('.caret-wrapper .descending').click();
    const max = Math.max(...all.map((a) => a.audience));
    await expect.poll(() => firstCell(4)).toBe(new Intl.NumberFormat('zh-CN').format(max));
    expect(await app.page.getByTestId('pager').locator('.el-pager li.is-active').innerText()).toBe('1');
  });

  it('filters by 村（社区） from the suggestions', async () => {
    const village = all.find((a) => a.village)!.village!;
    const expected = all.filter((a) => a.village === village).length;
    await reg.filterBy('village', village);
    await app.page.getByTestId('list-total').filter({ hasText: `筛选出 ${expected} 条` }).waitFor();
    expect(await reg.rows().count()).toBe(Math.min(expected, 20));
    for (const text of await reg.rows().allInnerTexts()) expect(text).toContain(village);
  });

  it('keeps the filters of a register when the clerk goes to 首页 and comes back', async () => {
    const village = all.find((a) => a.village)!.village!;
    const r = await app.core.call('activities.list', { year, keyword: '普法', filters: { village } });
    if (!r.ok) throw new Error(r.error.message);
    const expected = r.value.total;
    await reg.filterBy('village', village);
    await reg.search('普法');
    await app.page.getByTestId('list-total').filter({ hasText: `筛选出 ${expected} 条` }).waitFor();
    const shell = new AppShell(app.page);
    await shell.goto('首页');
    await shell.goto('普法宣传');
    await reg.waitLoaded();
    await app.page.getByTestId('list-total').filter({ hasText: `筛选出 ${expected} 条` }).waitFor();
    expect(await app.page.getByTestId('filter-keyword').inputValue()).toBe('普法');
    await reg.clearFilters();
    await app.page.getByTestId('list-total').filter({ hasNotText: '筛选出' }).waitFor();
    expect(await reg.rows().count()).toBe(Math.min(20, all.length));
  });
});
