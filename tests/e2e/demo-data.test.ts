// 设置: demo records are marked in the lists, and 「清除示例数据」 moves exactly them into the 回收站;
// the 案号 pattern is set there and the next case follows it.
import { describe, expect, it } from 'vitest';
import { hasChromium, useApp } from './harness.ts';

const DEMO_YEAR = new Date().getFullYear() - 1;

describe.skipIf(!hasChromium)('demo data and the 案号 pattern in 设置', () => {
  const app = useApp({ demoYear: DEMO_YEAR, year: DEMO_YEAR });

  it('marks demo records and clears exactly them, keeping the clerk’s own', async () => {
    await app.call('activities.create', { record: { date: `${DEMO_YEAR}-05-01`, title: '我自己登记的讲座', kind: 'lecture' } });
    const shell = app.shell;
    const acts = await shell.goto('普法宣传');
    await acts.rows().first().getByTestId('demo-tag').waitFor();

    const settings = await shell.goto('设置');
    const panel = settings.demoPanel;
    await panel.getByTestId('demo-count').filter({ hasText: '条示例数据' }).waitFor();
    await panel.getByRole('button', { name: /清除示例数据/ }).click();
    await shell.confirmBox('移入回收站');
    await shell.expectSuccess('示例数据移入回收站');
    await panel.getByTestId('demo-count').filter({ hasText: '没有示例数据' }).waitFor();

    const counts = await app.call('years.counts', { year: DEMO_YEAR });
    expect(counts.counts).toEqual({ activities: 1, mediationCases: 0, inspections: 0, workItems: 0, disclosureRequests: 0, screenings: 0 });
    const after = await shell.goto('普法宣传');
    await after.rows('我自己登记的讲座').waitFor();
    expect(await after.rows().count()).toBe(1);
    expect(await app.page.getByTestId('demo-tag').count()).toBe(0);
  });

  it('sets the 案号 pattern; a new case is proposed the next number in it', async () => {
    const shell = app.shell;
    const panel = (await shell.goto('设置')).caseNoPanel;
    await panel.getByTestId('case-no-pattern').fill('{乡镇}人调〔{年度}〕{序号:3}号');
    await panel
      .getByTestId('case-no-preview')
      .filter({ hasText: `小陶镇人调〔${DEMO_YEAR}〕001号` })
      .waitFor();
    await panel.getByTestId('case-no-save').click();
    await shell.expectSuccess('已保存案号格式');
    const cases = await shell.goto('人民调解');
    await cases.openNew();
    await cases.fill({ acceptedOn: `${DEMO_YEAR}-03-02` });
    await expect.poll(() => cases.fieldItem('caseNo').getByRole('textbox').inputValue()).toBe(`小陶镇人调〔${DEMO_YEAR}〕001号`);
  });
});
