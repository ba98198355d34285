// 设置: demo records are marked in the lists, and 「清除示例数据」 removes exactly them;
// the 案号 pattern is set there and the next case follows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startApp, type TestApp } from './harness.ts';
import { AppShell } from './pages/app-shell.ts';
import { RegisterPageObject } from './pages/register-page.ts';

const DEMO_YEAR = new Date().getFullYear() - 1;

describe.skipIf(!hasChromium)('demo data and the 案号 pattern in 设置', () => {
  let app: TestApp;
  let shell: AppShell;

  beforeAll(async () => {
    app = await startApp({ demoYear: DEMO_YEAR });
    shell = new AppShell(app.page);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('marks demo records and clears exactly them, keeping the clerk’s own', async () => {
    const own = await app.core.call('activities.create', { record: { date: `${DEMO_YEAR}-05-01`, title: '我自己登记的讲座', kind: 'lecture' } });
    expect(own.ok).toBe(true);
    const acts = new RegisterPageObject(app.page, 'activities');
    await shell.goto('普法宣传');
    await shell.selectYear(DEMO_YEAR);
    await acts.waitLoaded();
    await acts.rows().first().getByTestId('demo-tag').waitFor();

    await shell.goto('设置');
    const panel = app.page.getByTestId('settings-demo');
    await panel.getByTestId('demo-count').filter({ hasText: '条示例数据' }).waitFor();
    await panel.getByTestId('demo-clear').click();
    await shell.confirmBox('清除');
    await shell.expectSuccess('已清除');
    await panel.getByTestId('demo-count').filter({ hasText: '没有示例数据' }).waitFor();

    const counts = await app.core.call('years.counts', { year: DEMO_YEAR });
    expect(counts.ok && counts.value.counts).toEqual({ activities: 1, mediationCases: 0, inspections: 0, workItems: 0, disclosureRequests: 0 });
    await shell.goto('普法宣传');
    await acts.rows('我自己登记的讲座').waitFor();
    expect(await acts.rows().count()).toBe(1);
    expect(await app.page.getByTestId('demo-tag').count()).toBe(0);
    expect(app.takeErrors()).toEqual([]);
  });

  it('sets the 案号 pattern; a new case is proposed the next number in it', async () => {
    await shell.goto('设置');
    const panel = app.page.getByTestId('settings-case-no');
    await panel.getByTestId('case-no-pattern').fill('{乡镇}人调〔{年度}〕{序号:3}号');
    await panel.getByTestId('case-no-preview').filter({ hasText: `小陶镇人调〔${DEMO_YEAR}〕001号` }).waitFor();
    await panel.getByTestId('case-no-save').click();
    await shell.expectSuccess('已保存案号格式');
    const cases = new RegisterPageObject(app.page, 'mediationCases');
    await shell.goto('人民调解');
    await cases.waitLoaded();
    await cases.openNew();
    await cases.fill({ acceptedOn: `${DEMO_YEAR}-03-02` });
    await expect.poll(() => cases.fieldItem('caseNo').locator('input').inputValue()).toBe(`小陶镇人调〔${DEMO_YEAR}〕001号`);
    expect(app.takeErrors()).toEqual([]);
  });
});
