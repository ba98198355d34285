// 年度信息: saved through years.saveProfile, kept after a reload, and guarded
// against leaving with unsaved changes.
import { describe, expect, it } from 'vitest';
import { currentYear, hasChromium, useApp } from './harness.ts';
import { confirmBox } from './pages/widgets.ts';

const INTRO = '今年以来，我镇坚持以习近平法治思想为指导。\n全面推进依法行政。';

describe.skipIf(!hasChromium)('年度信息', () => {
  const app = useApp();
  const y = currentYear();

  it('saves figures and narrative text', async () => {
    const profile = await app.shell.goto('年度信息');
    await profile.setFigure('mediationCommittees', 14);
    await profile.setFigure('lawLiterates', 96);
    await profile.setNarrative('intro', INTRO);
    await profile.save();
    await app.shell.expectSuccess(`已保存${y}年的年度信息`);
    const p = await app.call('years.getProfile', { year: y });
    expect(p.mediationCommittees).toBe(14);
    expect(p.lawLiterates).toBe(96);
    expect(p.narrative.intro).toBe(INTRO);
  });

  it('shows the saved values after a reload', async () => {
    await app.call('years.saveProfile', { year: y, mediationCommittees: 14, narrative: { intro: INTRO } });
    const profile = await (await app.reload()).goto('年度信息');
    expect(
      await profile.field('mediationCommittees').getByRole('spinbutton').or(profile.field('mediationCommittees').locator('input')).first().inputValue(),
    ).toBe('14');
    expect(await profile.narrative('intro').inputValue()).toContain('全面推进依法行政');
  });

  it('warns before leaving with unsaved changes', async () => {
    const shell = app.shell;
    const profile = await shell.goto('年度信息');
    await profile.setNarrative('shortcomings', '还没保存的不足');
    await shell.menuItem('首页').click();
    await confirmBox(app.page, '继续编辑');
    expect(await profile.narrative('shortcomings').inputValue()).toBe('还没保存的不足');
    await shell.menuItem('首页').click();
    await confirmBox(app.page, '放弃修改');
    await app.page.getByTestId('home-cards').waitFor();
  });
});
