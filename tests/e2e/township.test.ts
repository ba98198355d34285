// First start: the township dialog comes before anything else and is remembered.
import { describe, expect, it } from 'vitest';
import { hasChromium, TEST_TOWNSHIP, useApp } from './harness.ts';

describe.skipIf(!hasChromium)('first start: township names', () => {
  const app = useApp({ township: null });

  it('asks for the township before showing the app', async () => {
    const { page } = app;
    const dialog = page.getByTestId('township-dialog');
    await dialog.waitFor();
    expect(await app.shell.menu.count()).toBe(0);

    await page.getByTestId('township-save').click();
    await page.getByText('请填写乡镇简称').waitFor();
    await page.getByText('请填写发文机关全称').first().waitFor();

    await page.getByTestId('township-name').fill('小陶镇');
    await page.getByTestId('township-authority').fill('永安市小陶镇人民政府');
    await page.getByTestId('township-superior').fill('永安市');
    await page.getByTestId('township-save').click();

    const shell = await app.shell.waitReady();
    expect(await shell.township.innerText()).toBe('小陶镇');
    expect((await app.call('settings.get', {})).township).toEqual(TEST_TOWNSHIP);
  });

  it('does not ask again once the names are saved', async () => {
    await app.call('settings.update', { township: TEST_TOWNSHIP });
    const shell = await app.reload();
    expect(await app.page.getByTestId('township-dialog').count()).toBe(0);
    expect(await shell.township.innerText()).toBe('小陶镇');
  });

  it('edits the names in 设置', async () => {
    await app.call('settings.update', { township: TEST_TOWNSHIP });
    const shell = await app.reload();
    const { page } = app;
    await shell.goto('设置');
    const name = page.getByTestId('settings-name');
    expect(await name.inputValue()).toBe('小陶镇');
    await name.fill('大陶镇');
    await page.getByTestId('settings-save').click();
    await shell.expectSuccess('已保存乡镇信息');
    await shell.township.filter({ hasText: '大陶镇' }).waitFor();
  });
});
