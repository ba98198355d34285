// 涉企行政检查 in the browser: the officers' list in 设置, picking officers in the inspection form, the
// warning before saving a visit that passes the enterprise's yearly cap, the page's view of visits
// and problems, printing a 检查文书, and 首页's reminder.
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../electron/shared/credit-code.ts';
import { currentYear, hasChromium, shot, useApp } from './harness.ts';

const y = currentYear();
const code17 = '91350100M000100Y4';
const ACME = `${code17}${creditCodeCheckChar(code17)}`;
const day = (m: number) => `${y}-${String(m).padStart(2, '0')}-10`;

interface PageGlobals {
  __prints: string[];
  print: () => void;
  document: { getElementById: (id: string) => { innerText: string } | null };
}

describe.skipIf(!hasChromium)('涉企行政检查 (web mode)', () => {
  const app = useApp({
    year: y,
    initScript: () => {
      const w = globalThis as unknown as PageGlobals;
      w.__prints = [];
      w.print = () => {
        w.__prints.push(w.document.getElementById('print-host')?.innerText ?? '');
      };
    },
    seed: async (call) => {
      await call('enterprise.saveOfficers', {
        officers: [
          { name: '林志强', certNo: '35010020001' },
          { name: '陈晓梅', certNo: '35010020002' },
          { name: '吴网格', certNo: '' },
        ],
      });
      await call('enterprise.saveItems', {
        items: [{ code: 'XT-AQ-001', name: '工贸企业安全生产检查', basis: '《中华人民共和国安全生产法》第六十五条', field: 'work_safety', yearlyCap: 2 }],
      });
      for (const m of [1, 2])
        await call('inspections.create', {
          record: {
            date: day(m),
            field: 'work_safety',
            target: '永安市鑫达机械有限公司',
            targetType: 'enterprise',
            creditCode: ACME,
            inspectionType: 'daily',
            itemCode: 'XT-AQ-001',
            approvedBy: '王建平',
            approvedOn: day(m),
            notifiedOn: day(m),
            outcome: 'no_issue',
            inspectorList: [
              { name: '林志强', certNo: '35010020001' },
              { name: '陈晓梅', certNo: '35010020002' },
            ],
          },
        });
    },
  });

  it('设置 keeps the officers with their 执法证号; a new one is saved', async () => {
    await app.shell.goto('设置');
    const panel = app.page.getByTestId('settings-enterprise');
    await panel.scrollIntoViewIfNeeded();
    await expect.poll(() => panel.getByTestId('officer-count').innerText()).toBe('共 3 人，其中持执法证 2 人');
    await panel.getByTestId('officer-add').click();
    await panel.getByTestId('officer-name').last().fill('周文斌');
    await panel.getByTestId('officer-cert').last().fill('35010020003');
    await panel.getByTestId('officer-save').click();
    await app.shell.expectSuccess('已保存执法人员名单');
    await shot(app.page, 'enterprise-settings');
    expect(await app.call('enterprise.officers', {})).toContainEqual({ name: '周文斌', certNo: '35010020003' });
  });

  it('the form picks officers from the list and warns before the third visit under a cap of 2', async () => {
    const page = await app.shell.goto('行政执法');
    await page.openNew();
    await page.fill({
      date: day(3),
      field: '安全生产',
      target: '永安市鑫达机械有限公司',
      targetType: '企业',
      outcome: '未发现问题',
      inspectionType: '日常检查',
    });
    await page.fill({ creditCode: ACME });
    const panel = page.dialog.getByTestId('inspection-panel');
    await app.shell.pickOption(panel.getByTestId('item-pick'), 'XT-AQ-001 工贸企业安全生产检查');
    await app.shell.pickOption(panel.getByTestId('officer-pick'), '林志强（执法证号 35010020001）');
    await app.shell.pickOption(panel.getByTestId('officer-pick'), '陈晓梅（执法证号 35010020002）');
    const warning = panel.getByTestId('cap-warning');
    await warning.filter({ hasText: '第3次检查，超过检查事项清单规定的每年2次上限' }).waitFor();
    expect(await warning.getAttribute('data-over')).toBe('true');
    // the basis followed the item; the officers are in the list with their certificates
    expect(await page.fieldItem('basis').locator('input').inputValue()).toBe('《中华人民共和国安全生产法》第六十五条');
    const names = await page.dialog
      .getByTestId('inspectorList-entry')
      .locator('[data-item="certNo"]')
      .evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
    expect(names).toEqual(['35010020001', '35010020002']);
    await shot(app.page, 'enterprise-cap-warning');
    await page.saveAndClose();
    await app.shell.expectSuccess('已新增');
    // the page's view: over the cap
    const view = app.page.getByTestId('enterprise-visits');
    await view.getByTestId('enterprise-summary').filter({ hasText: '超过年度上限 1 家' }).waitFor();
  });

  it('a wrong 统一社会信用代码 is refused in the form, naming the field', async () => {
    const page = await app.shell.goto('行政执法');
    await page.openNew();
    await page.fill({
      date: day(3),
      field: '安全生产',
      target: '某公司',
      outcome: '未发现问题',
      creditCode: `${code17}X` === ACME ? `${code17}0` : `${code17}X`,
    });
    await page.save();
    await page.fieldError('creditCode').filter({ hasText: '统一社会信用代码' }).waitFor();
    await page.cancel();
    await app.shell.confirmBox('放弃修改').catch(() => undefined);
    app.takeErrors();
  });

  it('an inspection by one uncertified person shows as a problem; its 现场检查笔录 prints with the officers', async () => {
    await app.call('inspections.create', {
      record: {
        date: day(2),
        field: 'food',
        target: '小陶镇老李餐馆',
        targetType: 'individual',
        inspectionType: 'daily',
        itemCode: 'XT-AQ-001',
        approvedOn: day(2),
        notifiedOn: day(2),
        outcome: 'no_issue',
        inspectorList: [{ name: '吴网格' }],
      },
    });
    const page = await app.shell.goto('行政执法');
    const view = app.page.getByTestId('enterprise-visits');
    await view.getByTestId('enterprise-toggle').click();
    await view.getByTestId('problems').filter({ hasText: '检查“小陶镇老李餐馆”：持执法证的执法人员不足两名（登记1人，持证0人）' }).waitFor();
    await shot(app.page, 'enterprise-view');
    await page.rows('永安市鑫达机械有限公司').first().getByTestId('inspection-doc-button').click();
    await app.page.getByRole('menuitem', { name: '打印现场检查笔录' }).filter({ visible: true }).click();
    await app.page.waitForFunction(() => (globalThis as unknown as PageGlobals).__prints.length > 0);
    const text = (await app.page.evaluate(() => (globalThis as unknown as PageGlobals).__prints)).at(-1)!;
    for (const s of ['现场检查笔录', '永安市小陶镇人民政府', '林志强（执法证号：35010020001）', '工贸企业安全生产检查（XT-AQ-001）']) expect(text).toContain(s);
    expect(text).not.toContain('小陶镇老李餐馆');
  });

  it('首页 reminds of the enterprise over its cap', async () => {
    await app.call('inspections.create', {
      record: {
        date: day(3),
        field: 'work_safety',
        target: '永安市鑫达机械有限公司',
        creditCode: ACME,
        inspectionType: 'daily',
        itemCode: 'XT-AQ-001',
        approvedOn: day(3),
        notifiedOn: day(3),
        outcome: 'no_issue',
        inspectorList: [
          { name: '林志强', certNo: '35010020001' },
          { name: '陈晓梅', certNo: '35010020002' },
        ],
      },
    });
    // the app opened on 首页 before the record was written: come back to it
    await app.shell.goto('设置');
    const home = await app.shell.goto('首页');
    const r = home.reminder('“永安市鑫达机械有限公司”今年已被检查3次，超过每年2次上限');
    await r.waitFor();
    expect(await r.innerText()).toContain('涉企检查');
    await shot(app.page, 'enterprise-home');
    await r.click();
    await app.page.getByTestId('enterprise-visits').getByTestId('visits-table').waitFor();
  });
});
