// First start: the township dialog comes before anything else and is remembered.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasChromium, shot, TEST_TOWNSHIP, useApp } from './harness.ts';
import { ExchangePageObject } from './pages/exchange-page.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/000_3b1c3260cd606f40/package.json', import.meta.url));

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

  it('lets a new PC start from a colleague’s data package, whose township names come with it', async () => {
    const { page } = app;
    await page.getByTestId('township-dialog').waitFor();
    await shot(page, 'township-dialog');
    await page.getByTestId('township-import').click();
    const exchange = new ExchangePageObject(page);
    await exchange.waitLoaded();
    await exchange.pickPackage(FIXTURE);
    await exchange.preview.waitFor();
    await exchange.confirm();
    // the names of the package's township, in the header and stored; no dialog after a restart
    const shell = await app.shell.waitReady();
    await shell.township.filter({ hasText: '小陶镇' }).waitFor();
    expect((await app.call('settings.get', {})).township).toMatchObject({ name: '小陶镇', authority: '永安市小陶镇人民政府' });
    await app.reload();
    expect(await page.getByTestId('township-dialog').count()).toBe(0);
  });

  it('asks again at the next start when the clerk went to restore a backup and came back without one', async () => {
    const { page } = app;
    await page.getByTestId('township-restore').click();
    await page.getByTestId('backup-panel').waitFor();
    await page.reload();
    await page.getByTestId('township-dialog').waitFor();
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
