// The 司法所 clerk's day in the browser: register a case with two parties, print its
// 受理登记表, close it with a written agreement, print the 协议书, add a 回访 — the
// 卷宗体检 badge and 首页 reminders follow — then click through the 首页 charts.
import { describe, expect, it } from 'vitest';
import { hasChromium, TEST_TOWNSHIP, useApp } from './harness.ts';
import { toRecord, type RegisterPageObject } from './pages/register-page.ts';

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const now = new Date();
const y = now.getFullYear();
const back = (days: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() - days);
// within the current year (the year the app opens on), even in early January
const accepted = back(10).getFullYear() === y ? iso(back(10)) : `${y}-01-01`;
const closed = back(2).getFullYear() === y && iso(back(2)) >= accepted ? iso(back(2)) : accepted;
const short = TEST_TOWNSHIP.name.replace(/镇$/, '');
const CASE_NO = `${short}调〔${y}〕1号`;

/** what the page offers these tests (no DOM types here: the callbacks run in the page) */
interface PageGlobals {
  __prints: string[];
  print: () => void;
  document: { getElementById: (id: string) => { innerText: string; innerHTML: string } | null };
}

/** the case as each step of the clerk's day leaves it */
const REGISTERED = {
  ...toRecord('mediationCases', {
    caseNo: CASE_NO,
    acceptedOn: accepted,
    type: '邻里',
    source: '当事人申请',
    village: '石桥村',
    mediator: '钱卫东',
    status: '调解中',
    facts: '双方因房屋后排水沟堵塞发生争执。',
  }),
  partyList: [{ name: '王建国', phone: '13800001111', address: '石桥村三组' }, { name: '李秀英' }],
};
const AGREED = {
  ...REGISTERED,
  ...toRecord('mediationCases', {
    status: '调解成功',
    closedOn: closed,
    agreement: '书面协议',
    agreementTerms: '一、李秀英于三日内清理堆放的杂物。\n二、双方共同出资疏通排水沟。',
    performance: '三日内在现场履行',
    copies: 3,
  }),
};

describe.skipIf(!hasChromium)('mediation case file, documents, reminders and 首页 (web mode)', () => {
  // window.print is the platform's print in web mode: record what would be printed
  const app = useApp({
    initScript: () => {
      const w = globalThis as unknown as PageGlobals;
      w.__prints = [];
      w.print = () => {
        w.__prints.push(w.document.getElementById('print-host')?.innerText ?? '');
      };
    },
  });
  /** the case written through the API as an earlier step leaves it; the 人民调解 page open */
  async function caseAt(record: typeof REGISTERED): Promise<RegisterPageObject> {
    await app.call('mediationCases.create', { record: record as never });
    return app.shell.goto('人民调解');
  }
  let cases: RegisterPageObject;

  const prints = () => app.page.evaluate(() => (globalThis as unknown as PageGlobals).__prints);
  const badge = () => cases.rows(CASE_NO).first().getByTestId('case-file-badge');
  const entry = (list: 'partyList' | 'followUps', i: number) => cases.dialog.getByTestId(`${list}-entry`).nth(i);
  const item = (list: 'partyList' | 'followUps', i: number, label: string) =>
    entry(list, i)
      .locator('.el-col')
      .filter({ has: app.page.locator('.item-label', { hasText: new RegExp(`^${label}`) }) });

  async function printDoc(label: string) {
    const before = (await prints()).length;
    await cases.rows(CASE_NO).first().getByTestId('case-doc-button').click();
    await app.page
      .getByRole('menuitem', { name: `打印${label}` })
      .filter({ visible: true })
      .click();
    await app.page.waitForFunction((n) => (globalThis as unknown as PageGlobals).__prints.length > n, before);
    return (await prints()).at(-1)!;
  }

  it('registers a case with two parties: the next 案号 is proposed and the file is complete so far', async () => {
    cases = await app.shell.goto('人民调解');
    await cases.openNew();
    await cases.fill({ acceptedOn: accepted });
    await expect.poll(() => cases.fieldItem('caseNo').locator('input').inputValue()).toBe(CASE_NO);
    await cases.fill({ type: '邻里', source: '当事人申请', village: '石桥村', mediator: '钱卫东', status: '调解中' });
    await item('partyList', 0, '姓名').locator('input').fill('王建国');
    await item('partyList', 0, '联系电话').locator('input').fill('13800001111');
    await item('partyList', 0, '住址或单位').locator('input').fill('石桥村三组');
    await item('partyList', 1, '姓名').locator('input').fill('李秀英');
    await cases.fill({ facts: '双方因房屋后排水沟堵塞发生争执。' });
    await cases.dialog.getByTestId('case-file-status').filter({ hasText: '卷宗完整' }).waitFor();
    await cases.saveAndClose();
    await app.shell.expectSuccess('已新增案件');
    await badge().filter({ hasText: '完整' }).waitFor();
  });

  it('refuses a second case with the same 案号, naming the first', async () => {
    cases = await caseAt(REGISTERED);
    await cases.openNew();
    await cases.fill({ acceptedOn: accepted, type: '合同', status: '调解中' });
    const input = cases.fieldItem('caseNo').locator('input');
    await input.fill(CASE_NO.replace('〔', '[').replace('〕', ']'));
    await cases.blur();
    await cases
      .fieldError('caseNo')
      .filter({ hasText: `已被另一件案件使用：${CASE_NO}，${accepted}受理的邻里纠纷` })
      .waitFor();
    await cases.save();
    await cases.dialog.waitFor(); // still open
    await cases.cancel();
    await app.shell.confirmBox('放弃修改').catch(() => undefined);
    await cases.dialog.waitFor({ state: 'hidden' });
    app.takeErrors();
  });

  it('prints the 受理登记表 through the platform, filled from the case', async () => {
    cases = await caseAt(REGISTERED);
    const text = await printDoc('人民调解受理登记表');
    for (const line of ['人民调解受理登记表', `编号：${CASE_NO}`, '王建国', '李秀英', '双方因房屋后排水沟堵塞发生争执。', '当事人（签名或按指印）']) {
      expect(text).toContain(line);
    }
  });

  it('closes it with a written agreement: the badge lists what the file lacks, 首页 reminds of the 回访', async () => {
    cases = await caseAt(REGISTERED);
    await cases.openEdit(CASE_NO);
    await cases.fill({ status: '调解成功', closedOn: closed, agreement: '书面协议' });
    await cases.dialog.getByTestId('case-file-status').filter({ hasText: '缺2项' }).waitFor();
    await cases.saveAndClose();
    await badge().filter({ hasText: '缺2项' }).waitFor();
    // 卷宗不完整 finds it
    await app.page.getByTestId('filter-incomplete').click();
    await cases.rows(CASE_NO).first().waitFor();
    await app.page.getByTestId('filter-incomplete').click();

    await cases.openEdit(CASE_NO);
    await cases.fill({ agreementTerms: '一、李秀英于三日内清理堆放的杂物。\n二、双方共同出资疏通排水沟。', performance: '三日内在现场履行', copies: 3 });
    await cases.dialog.locator('[data-check="agreement"][data-ok="true"]').waitFor();
    await cases.saveAndClose();
    await badge().filter({ hasText: '缺1项' }).waitFor();

    const home = await app.shell.goto('首页');
    const reminder = home.reminder(`${CASE_NO}待回访`);
    await reminder.waitFor();
    await app.page.getByTestId('reminder-counts').filter({ hasText: '待回访 1 件' }).waitFor();
    await app.page.getByTestId('incomplete-count').filter({ hasText: '有 1 件调解案件的卷宗还不完整' }).waitFor();
    // the reminder opens the case
    await reminder.click();
    await cases.dialog.waitFor();
    await expect.poll(() => cases.fieldItem('caseNo').locator('input').inputValue()).toBe(CASE_NO);
    await cases.cancel();
    await cases.dialog.waitFor({ state: 'hidden' });
  });

  it('prints the 协议书 with the agreed terms and the lines to sign', async () => {
    cases = await caseAt(AGREED);
    const text = await printDoc('人民调解协议书');
    for (const line of ['人民调解协议书', '经调解，自愿达成如下协议：', '二、双方共同出资疏通排水沟。', '本协议一式3份', '人民调解员（签名）']) {
      expect(text).toContain(line);
    }
  });

  it('adds a 回访: the file is complete and the reminder is gone', async () => {
    cases = await caseAt(AGREED);
    await cases.openEdit(CASE_NO);
    await cases.dialog.getByTestId('followUps-add').click();
    const date = item('followUps', 0, '回访日期').locator('input');
    await date.click();
    await date.fill(iso(now));
    await date.press('Enter');
    await cases.blur();
    await item('followUps', 0, '回访人').locator('input').fill('钱卫东');
    await item('followUps', 0, '履行情况').locator('input').fill('已按协议履行');
    await item('followUps', 0, '当事人意见').locator('input').fill('满意');
    await cases.dialog.getByTestId('case-file-status').filter({ hasText: '卷宗完整' }).waitFor();
    await cases.saveAndClose();
    await badge().filter({ hasText: '完整' }).waitFor();
    const text = await printDoc('人民调解回访记录');
    expect(text).toContain('已按协议履行');

    const home = await app.shell.goto('首页');
    await app.page.getByTestId('reminder-counts').filter({ hasText: '待回访 0 件' }).waitFor();
    expect(await app.page.getByTestId('incomplete-count').count()).toBe(0);
    expect(await home.reminder(CASE_NO).count()).toBe(0);
  });

  it('首页 charts open their register, filtered', async () => {
    cases = await caseAt(REGISTERED);
    await app.shell.goto('首页');
    await app.page.getByTestId('chart-dispute-types').scrollIntoViewIfNeeded();
    const pie = app.page.getByTestId('chart-dispute-types').locator('canvas').first();
    await pie.waitFor();
    const box = (await pie.boundingBox())!;
    // one dispute type: the ring is whole; click on it (centre 50%/55%, radius 35–68%)
    const r = (Math.min(box.width, box.height) / 2) * 0.5;
    // the chart draws on an animation frame after its canvas appears: click until it answers
    const list = app.page.locator('.register-page[data-register="mediationCases"]');
    for (let i = 0; i < 10 && !(await list.isVisible()); i++) {
      await app.page.mouse.click(box.x + box.width / 2 + r, box.y + box.height * 0.55);
      await list.waitFor({ timeout: 1000 }).catch(() => undefined);
    }
    await cases.waitLoaded();
    await app.page.getByTestId('filter-type').filter({ hasText: '邻里' }).waitFor();
    await cases.rows(CASE_NO).first().waitFor();

    await app.shell.goto('首页');
    const monthly = app.page.getByTestId('chart-monthly').locator('canvas').first();
    await monthly.waitFor();
    await app.page.getByTestId('home-villages').waitFor();
  });

  it('prints the register’s filtered list on A4 landscape with its header row', async () => {
    cases = await caseAt(REGISTERED);
    await app.page.getByTestId('print-list').click();
    await app.page.waitForFunction(() => (globalThis as unknown as PageGlobals).__prints.some((p) => p.includes('人民调解案件台账')));
    const html = await app.page.evaluate(() => (globalThis as unknown as PageGlobals).document.getElementById('print-host')?.innerHTML ?? '');
    expect(html).toBe(''); // cleaned after printing
    const text = (await prints()).at(-1)!;
    expect(text).toContain(`${y}年人民调解案件台账`);
    expect(text).toContain('案号');
    expect(text).toContain(CASE_NO);
    expect(text).toContain('共 1 条');
  });
});
