// 数据交换: a package is previewed before anything is written, then imported;
// 首页 shows the imported counts. A broken package names the record and field.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REGISTERS, REGISTER_NAMES } from '../../electron/shared/registers.ts';
import { hasChromium, startApp, type TestApp } from './harness.ts';
import { AppShell } from './pages/app-shell.ts';
import { ExchangePageObject } from './pages/exchange-page.ts';
import { HomePageObject } from './pages/home-page.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/000_3b1c3260cd606f40/package.json', import.meta.url));
const pkg = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown[]>;

describe.skipIf(!hasChromium)('数据交换', () => {
  let app: TestApp;
  let shell: AppShell;
  let exchange: ExchangePageObject;
  const tmp = mkdtempSync(join(tmpdir(), 'fazhi-e2e-pkg-'));

  beforeAll(async () => {
    app = await startApp();
    await app.page.getByTestId('nav').waitFor();
    shell = new AppShell(app.page);
    exchange = new ExchangePageObject(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await app.page.screenshot({ path: `/tmp/e2e-fail-exchange-${task.name.slice(0, 20)}.png` }).catch(() => undefined);
    expect(app.takeErrors()).toEqual([]);
  });

  it('names the bad record and field of a broken package and imports nothing', async () => {
    const broken = structuredClone(pkg) as Record<string, unknown>;
    broken.township = { name: '大岭乡', authority: '永安市大岭乡人民政府' };
    const acts = broken.activities as Record<string, unknown>[];
    acts[2] = { ...acts[2], kind: 'dance' };
    const file = join(tmp, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));

    await shell.goto('数据交换');
    await exchange.pickPackage(file);
    await exchange.preview.waitFor();
    await app.page.getByTestId('township-mismatch').getByText('大岭乡').waitFor();
    const issues = await exchange.issues.innerText();
    expect(issues).toContain('普法宣传活动（第3条');
    expect(issues).toContain('形式');
    expect(await app.page.getByTestId('confirm-import').isDisabled()).toBe(true);
    // 跳过无效记录 makes the rest importable
    await app.page.getByTestId('skip-invalid').click();
    await app.page.getByTestId('confirm-import').and(app.page.locator(':not([disabled])')).waitFor();
    const counts = await app.core.call('years.counts', { year: 2023 });
    expect(counts.ok && Object.values(counts.value.counts).every((n) => n === 0)).toBe(true);
    await app.page.getByRole('button', { name: '重新选择' }).click();
  });

  it('previews the fixture package first, then imports it', async () => {
    await exchange.pickPackage(FIXTURE);
    await exchange.preview.waitFor();
    expect(await app.page.getByTestId('picked-file').innerText()).toBe('package.json');
    for (const r of REGISTER_NAMES) {
      if (!pkg[r]?.length) continue; // a register the package has no record of gets no row
      const row = await exchange.countsRow(REGISTERS[r].label).innerText();
      expect(row.split(/\s+/)[1]).toBe(String(pkg[r]?.length ?? 0));
    }
    expect(await exchange.issues.count()).toBe(0);
    // nothing written by the preview
    const before = await app.core.call('years.counts', { year: 2023 });
    expect(before.ok && before.value.counts.activities).toBe(0);

    await exchange.confirm();
    expect(await app.page.getByTestId('import-result').innerText()).toContain(`新增 ${REGISTER_NAMES.reduce((a, r) => a + (pkg[r]?.length ?? 0), 0) + 1} 条`);
  });

  it('shows the imported counts on 首页 for 2023', async () => {
    await app.page.getByTestId('go-home').click();
    const home = new HomePageObject(app.page);
    await home.card('activities').waitFor();
    await shell.yearLabel().filter({ hasText: '2023年' }).waitFor();
    // 首页 has a card for the four registers of the 法治政府 report (依申请公开 is in the total)
    for (const r of REGISTER_NAMES.filter((x) => x !== 'disclosureRequests')) {
      await home.card(r).getByTestId('count').filter({ hasText: new RegExp(`^${pkg[r]?.length ?? 0}$`) }).waitFor();
    }
  });

  it('keeps the chosen year after a reload, and every page follows it', async () => {
    await app.page.reload();
    await shell.yearLabel().filter({ hasText: '2023年' }).waitFor();
    await shell.goto('人民调解');
    await app.page.getByTestId('list-total').filter({ hasText: `2023年共 ${pkg.mediationCases.length} 条` }).waitFor();
    await shell.selectYear(new Date().getFullYear());
    await app.page.getByTestId('list-total').filter({ hasText: `${new Date().getFullYear()}年共 0 条` }).waitFor();
    await shell.selectYear(2023);
    await app.page.getByTestId('list-total').filter({ hasText: '2023年共' }).waitFor();
  });

  it('exports the year as a package that holds the same records', async () => {
    await shell.goto('数据交换');
    await shell.pickOption(app.page.getByTestId('export-year'), '2023年');
    const download = app.page.waitForEvent('download');
    await app.page.getByTestId('export').click();
    const file = await download;
    const path = join(tmp, file.suggestedFilename());
    await file.saveAs(path);
    const out = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown[]>;
    expect(out.format).toBe('fazhi-ledger-package');
    for (const r of REGISTER_NAMES) expect(out[r]?.length ?? 0).toBe(pkg[r]?.length ?? 0);
  });
});
