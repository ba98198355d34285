// 调解统计 in the browser: fixture 000's year (445 受理, 440 调解成功) and one month, the rows
// by 村, and a 矛盾纠纷排查 entered on its register page reaching the 排查 block.
import { describe, expect, it } from 'vitest';
import { hasChromium, useApp } from './harness.ts';
import { pickOption } from './pages/widgets.ts';

const FIXTURE = '000_3b1c3260cd606f40';

describe.skipIf(!hasChromium)('调解统计', () => {
  const app = useApp({ fixture: FIXTURE });
  const title = () => app.page.getByTestId('stats-title');
  const total = () => app.page.getByTestId('stats-total');

  async function openStats() {
    await app.shell.menu.getByRole('menuitem', { name: '调解统计', exact: true }).click();
    await title().waitFor();
  }

  it('shows the year and one month, each as the register counts them', async () => {
    await app.shell.menu.getByRole('menuitem', { name: '首页', exact: true }).click();
    await openStats();
    await app.page.getByText('全年', { exact: true }).click();
    await expect.poll(() => title().innerText()).toBe('小陶镇人民调解工作统计表（2023年）');
    await expect.poll(() => total().innerText()).toContain('受理 445 件，调解成功 440 件');

    await app.page.getByText('月', { exact: true }).click();
    await pickOption(app.page, app.page.getByTestId('stats-month'), '8月');
    const aug = await app.call('mediationCases.list', { from: '2023-08-01', to: '2023-08-31', pageSize: 1 });
    await expect.poll(() => title().innerText()).toBe('小陶镇人民调解工作统计表（2023年8月）');
    await expect.poll(() => total().innerText()).toContain(`受理 ${aug.total} 件`);

    await app.page.getByText('按村（社区）', { exact: true }).click();
    await expect.poll(() => app.page.getByTestId('mediation-stats-table').innerText()).toContain('新寨村');
  });

  it('a 矛盾纠纷排查 entered on its page reaches the 排查 block of its month', async () => {
    const reg = await app.shell.goto('矛盾纠纷排查');
    await reg.openNew();
    await reg.fill({ date: '2023-08-15', village: '大陶村', found: 3, prevented: 2, preventedPetition: 1 });
    await reg.saveAndClose();
    expect((await app.call('screenings.list', { year: 2023 })).total).toBe(1);

    await openStats();
    await app.page.getByText('全年', { exact: true }).click();
    const block = app.page.getByTestId('screening-block');
    await expect.poll(() => block.innerText()).toMatch(/排查（次）\s*1\b/);
    await expect.poll(() => block.innerText()).toMatch(/排查发现纠纷（件）\s*3\b/);
    await expect.poll(() => block.innerText()).toMatch(/防止群体性上访（件）\s*1\b/);
  });
});
