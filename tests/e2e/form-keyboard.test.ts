// A record form by keyboard: the focus starts on the first field, a filter + Enter picks
// the choice, dates typed as a clerk writes them, Ctrl+S saves, Esc then Enter keeps the form.
import { describe, expect, it } from 'vitest';
import { currentYear, hasChromium, shot, useApp } from './harness.ts';

const y = currentYear();

describe.skipIf(!hasChromium)('record form by keyboard', () => {
  const app = useApp();

  it('starts on the first field, picks the single match on Enter, reads 3-5 and 2026年3月5日, saves with Ctrl+S', async () => {
    const reg = await app.shell.goto('普法宣传');
    await reg.openNew();
    const page = app.page;
    // the first field (活动日期) has the focus, not the dialog's ×
    await expect.poll(() => page.evaluate<string | null>(`document.activeElement?.closest('[data-field]')?.getAttribute('data-field') ?? null`)).toBe('date');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('3-5');
    await page.keyboard.press('Enter');
    const date = reg.fieldItem('date').locator('input');
    await expect.poll(() => date.inputValue()).toBe(`${y}-03-05`);
    // a full Chinese date
    await date.click();
    await date.fill(`${y}年4月6日`);
    await date.press('Enter');
    await expect.poll(() => date.inputValue()).toBe(`${y}-04-06`);
    // nonsense is refused in Chinese beside the field
    await date.click();
    await date.fill(`${y}-02-30`);
    await date.press('Enter');
    await reg.fieldItem('date').getByText(`「活动日期」没有${y}年2月30日这一天`).waitFor();
    // never guessed: the date stays as it was, the message stays after leaving the field
    await reg.blur();
    expect(await date.inputValue()).toBe(`${y}-04-06`);
    await reg.fieldItem('date').getByText(`「活动日期」没有${y}年2月30日这一天`).waitFor();
    await shot(page, 'form-date-refused');
    await date.click();
    await date.fill(`${y}.4.6`);
    await date.press('Enter');
    await expect.poll(() => date.inputValue()).toBe(`${y}-04-06`);
    await expect.poll(() => reg.fieldItem('date').locator('.el-form-item__error').count()).toBe(0);

    await reg.fill({ title: '键盘录入的活动' });
    // 形式: type a filter, Enter picks the single match
    const kind = reg.fieldItem('kind').getByRole('combobox');
    await kind.click();
    await page.keyboard.type('讲座');
    await page.keyboard.press('Enter');
    await expect.poll(() => reg.fieldItem('kind').innerText()).toContain('法治讲座');
    await shot(page, 'form-keyboard');
    await page.keyboard.press('Control+s');
    await reg.dialog.waitFor({ state: 'hidden' });
    const list = await app.call('activities.list', { year: y, keyword: '键盘录入' });
    expect(list.items.map((i) => [i.date, i.kind])).toEqual([[`${y}-04-06`, 'lecture']]);
  });

  it('Esc then Enter keeps the form: 继续编辑 is the default button', async () => {
    const reg = await app.shell.goto('普法宣传');
    await reg.openNew();
    await reg.fill({ title: '未保存的活动' });
    await app.page.keyboard.press('Escape');
    await app.page.locator('.discard-confirm').waitFor();
    await shot(app.page, 'form-discard-confirm');
    await app.page.keyboard.press('Enter');
    await app.page.locator('.discard-confirm').waitFor({ state: 'hidden' });
    expect(await reg.dialog.isVisible()).toBe(true);
    expect(await reg.fieldItem('title').locator('input').inputValue()).toBe('未保存的活动');
    // Ctrl+Enter saves too
    await reg.fill({ date: `${y}-05-01`, kind: '集中宣传' });
    await app.page.keyboard.press('Control+Enter');
    await reg.dialog.waitFor({ state: 'hidden' });
    expect((await app.call('activities.list', { year: y, keyword: '未保存的活动' })).total).toBe(1);
  });
});

describe.skipIf(!hasChromium)('人民调解 list at 1366 px', () => {
  const app = useApp({ demoYear: y - 1, year: y - 1 });

  it('shows the whole 案号 (with its 示例 tag) and 卷宗 beside 操作, without scrolling', async () => {
    const reg = await app.shell.goto('人民调解');
    await reg.rows().first().waitFor();
    await shot(app.page, 'mediation-list-1366');
    const cut = await app.page.evaluate<number>(
      `[...document.querySelectorAll('.el-table__body-wrapper .el-table__row')].slice(0, 20)
        .map((r) => r.children[1].querySelector('.cell')).filter((c) => c.scrollWidth > c.clientWidth + 1).length`,
    );
    expect(cut).toBe(0);
    // nothing to scroll sideways: 卷宗 is not under the fixed 操作 column
    const overflow = await app.page.evaluate<number>(
      `(() => { const w = document.querySelector('.el-table__body-wrapper .el-scrollbar__wrap'); return w.scrollWidth - w.clientWidth; })()`,
    );
    expect(overflow).toBeLessThanOrEqual(1);
    await app.page.getByRole('columnheader', { name: '卷宗' }).waitFor();
  });
});
