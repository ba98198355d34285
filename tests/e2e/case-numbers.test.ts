// 案号 in the form and the 回收站: a case moved into another year keeps its number (the form says
// so and offers the new year's next one); the 回收站 says a case keeps its number while there.
import { describe, expect, it } from 'vitest';
import { currentYear, hasChromium, shot, TEST_TOWNSHIP, useApp } from './harness.ts';
import type { RegisterPageObject } from './pages/register-page.ts';

const y = currentYear();
const short = TEST_TOWNSHIP.name.replace(/镇$/, '');

describe.skipIf(!hasChromium)('案号 in the form', () => {
  const app = useApp();

  it('moving a case’s 受理日期 into another year keeps its number and offers the new year’s next one', async () => {
    const a = await app.call('mediationCases.create', { record: { acceptedOn: `${y}-03-01`, type: 'neighbor', status: 'in_progress', village: 'E2E石桥村' } });
    expect(a.caseNo).toBe(`${short}调〔${y}〕1号`);
    const cases = (await app.shell.goto('人民调解')) as RegisterPageObject;
    await cases.openEdit('E2E石桥村');
    await cases.fill({ acceptedOn: `${y - 1}-12-30` });
    const hint = cases.dialog.getByTestId('case-year-move');
    await hint.getByText(`案号“${short}调〔${y}〕1号”仍是${y}年的号`).waitFor();
    await shot(app.page, 'case-year-move');
    await hint.getByTestId('case-year-move-use').click();
    await cases.saveAndClose();
    const got = await app.call('mediationCases.get', { id: a.id });
    expect(got).toMatchObject({ acceptedOn: `${y - 1}-12-30`, caseNo: `${short}调〔${y - 1}〕1号` });
  });

  it('the 回收站 says a deleted case keeps its 案号 until it is purged', async () => {
    const a = await app.call('mediationCases.create', { record: { acceptedOn: `${y}-03-02`, type: 'neighbor', status: 'in_progress', village: 'E2E柳湾村' } });
    await app.call('mediationCases.delete', { id: a.id });
    const cases = (await app.shell.goto('人民调解')) as RegisterPageObject;
    await cases.openRecycle();
    await cases.recycle.getByTestId('recycle-case-no').getByText('回收站中的案件保留原案号').waitFor();
    await shot(app.page, 'recycle-case-no');
    expect((await app.call('cases.nextCaseNo', { year: y })).endsWith('2号')).toBe(true);
  });
});
