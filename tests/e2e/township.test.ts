// First start: the township dialog comes before anything else and is remembered.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startApp, type TestApp } from './harness.ts';
import { AppShell } from './pages/app-shell.ts';

describe.skipIf(!hasChromium)('first start: township names', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({ township: null });
  });
  afterAll(async () => {
    await app?.close();
  });
  afterEach(() => {
    expect(app.takeErrors()).toEqual([]);
  });

  it('asks for the township before showing the app', async () => {
    const { page } = app;
    const dialog = page.getByTestId('township-dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('nav').count()).toBe(0);

    await page.getByTestId('township-save').click();
    await page.getByText('请填写乡镇简称').waitFor();
    await page.getByText('请填写发文机关全称').first().waitFor();

    await page.getByTestId('township-name').fill('小陶镇');
    await page.getByTestId('township-authority').fill('永安市小陶镇人民政府');
    await page.getByTestId('township-superior').fill('永安市');
    await page.getByTestId('township-save').click();

    const shell = new AppShell(page);
    await page.getByTestId('nav').waitFor();
    expect(await shell.township.innerText()).toBe('小陶镇');
    const settings = await app.core.call('settings.get', {});
    expect(settings.ok && settings.value.township).toEqual({ name: '小陶镇', authority: '永安市小陶镇人民政府', superior: '永安市' });
  });

  it('does not ask again after a reload', async () => {
    const { page } = app;
    await page.reload();
    await page.getByTestId('nav').waitFor();
    expect(await page.getByTestId('township-dialog').count()).toBe(0);
    expect(await new AppShell(page).township.innerText()).toBe('小陶镇');
  });

  it('edits the names in 设置', async () => {
    const { page } = app;
    const shell = new AppShell(page);
    await shell.goto('设置');
    const name = page.getByTestId('settings-name');
    expect(await name.inputValue()).toBe('小陶镇');
    await name.fill('大陶镇');
    await page.getByTestId('settings-save').click();
    await shell.expectSuccess('已保存乡镇信息');
    await page.getByTestId('brand-township').filter({ hasText: '大陶镇' }).waitFor();
  });
});
