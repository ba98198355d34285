// 年度信息: saved through years.saveProfile, kept after a reload, and guarded
// against leaving with unsaved changes.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { currentYear, hasChromium, startApp, type TestApp } from './harness.ts';
import { AppShell } from './pages/app-shell.ts';
import { YearProfilePageObject } from './pages/year-profile-page.ts';

describe.skipIf(!hasChromium)('年度信息', () => {
  let app: TestApp;
  let shell: AppShell;
  let profile: YearProfilePageObject;
  const y = currentYear();

  beforeAll(async () => {
    app = await startApp();
    await app.page.getByTestId('nav').waitFor();
    shell = new AppShell(app.page);
    profile = new YearProfilePageObject(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });
  afterEach(() => {
    expect(app.takeErrors()).toEqual([]);
  });

  it('saves figures and narrative text', async () => {
    await shell.goto('年度信息');
    await profile.setFigure('mediationCommittees', 14);
    await profile.setFigure('lawLiterates', 96);
    await profile.setNarrative('intro', '今年以来，我镇坚持以习近平法治思想为指导。\n全面推进依法行政。');
    await profile.save();
    await shell.expectSuccess(`已保存${y}年的年度信息`);
    const p = await app.core.call('years.getProfile', { year: y });
    expect(p.ok && p.value.mediationCommittees).toBe(14);
    expect(p.ok && p.value.lawLiterates).toBe(96);
    expect(p.ok && p.value.narrative.intro).toBe('今年以来，我镇坚持以习近平法治思想为指导。\n全面推进依法行政。');
  });

  it('shows the saved values after a reload', async () => {
    await app.page.reload();
    await profile.field('mediationCommittees').waitFor();
    expect(await profile.field('mediationCommittees').locator('input').inputValue()).toBe('14');
    expect(await profile.field('intro').locator('textarea').inputValue()).toContain('全面推进依法行政');
  });

  it('warns before leaving with unsaved changes', async () => {
    await profile.setNarrative('shortcomings', '还没保存的不足');
    await app.page.getByTestId('nav-首页').click();
    await shell.confirmBox('继续编辑');
    expect(await profile.field('shortcomings').locator('textarea').inputValue()).toBe('还没保存的不足');
    await app.page.getByTestId('nav-首页').click();
    await shell.confirmBox('放弃修改');
    await app.page.getByTestId('home-cards').waitFor();
  });
});
