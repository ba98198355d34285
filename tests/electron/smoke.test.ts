// The packaged app, smoke-tested in its real Electron window (under xvfb on
// Linux): the joints web mode cannot reach — better-sqlite3 loading inside
// Electron from app.asar.unpacked, fazhi://app serving the built renderer, the
// preload bridge, the save path through main, the single-instance lock.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from '../e2e/pages/app-shell.ts';
import { HomePageObject } from '../e2e/pages/home-page.ts';
import { RegisterPageObject } from '../e2e/pages/register-page.ts';
import { APP, launch, launchSecond, makeSandbox, windowState, type Running, type Sandbox } from './harness.ts';

const year = new Date().getFullYear();
const MARKER = '冒烟测试·宪法宣传进村入户';
const TOWNSHIP = { name: '小陶镇', authority: '永安市小陶镇人民政府', superior: '永安市' };

describe.skipIf(!APP)('法治台账 in its real Electron window', () => {
  const app = APP!;
  let sandbox: Sandbox;
  let run: Running | null = null;

  beforeAll(async () => {
    console.log(`Electron smoke test on ${app.source}`);
    sandbox = makeSandbox(app);
    run = await launch(app, sandbox);
  });

  afterAll(async () => {
    await run?.electron.close().catch(() => undefined);
    sandbox?.cleanup();
  });

  const current = (): Running => {
    if (!run) throw new Error('the app is not running');
    return run;
  };

  it('opens one window on fazhi://app and loads better-sqlite3 inside Electron', async () => {
    const { electron, page } = current();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toMatch(/^fazhi:\/\/app\//);
    const state = await windowState(electron);
    expect(state.count).toBe(1);
    expect(state.url).toMatch(/^fazhi:\/\/app\//);

    const main = await electron.evaluate(({ app: electronApp }) => {
      const report = process.report.getReport() as unknown as { sharedObjects?: string[] };
      return {
        versions: process.versions,
        packaged: electronApp.isPackaged,
        userData: electronApp.getPath('userData'),
        sharedObjects: report.sharedObjects ?? [],
      };
    });
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
    expect(main.versions.electron).toBe(pkg.version);
    expect(main.packaged).toBe(app.packaged);
    // the addon is mapped into the main process: from app.asar.unpacked in a packaged build
    const addon = main.sharedObjects.filter((p) => /better[-_]sqlite3.*\.node$/.test(p.replace(/\\/g, '/')));
    expect(addon, main.sharedObjects.join('\n')).toHaveLength(1);
    if (app.packaged) expect(addon[0].replace(/\\/g, '/')).toContain('app.asar.unpacked/node_modules/better-sqlite3/');
    console.log(`Electron ${main.versions.electron} (Node ${main.versions.node}, Chromium ${main.versions.chrome}); better-sqlite3: ${addon[0]}`);
    // and it opened the ledger in our data folder
    expect(existsSync(join(sandbox.dataDir, 'ledger.db'))).toBe(true);
  });

  it('asks for the township on first start, then shows 首页 without a console error', async () => {
    const { page, errors } = current();
    await page.getByTestId('township-dialog').waitFor();
    await page.getByTestId('township-name').fill(TOWNSHIP.name);
    await page.getByTestId('township-authority').fill(TOWNSHIP.authority);
    await page.getByTestId('township-superior').fill(TOWNSHIP.superior);
    await page.getByTestId('township-save').click();
    await page.getByTestId('nav').waitFor();
    const home = new HomePageObject(page);
    await home.card('activities').waitFor();
    expect(await home.count('activities')).toBe(0);
    expect(await new AppShell(page).township.innerText()).toBe(TOWNSHIP.name);
    expect(errors).toEqual([]);
  });

  it('creates a record through the preload bridge', async () => {
    const { page, errors } = current();
    const shell = new AppShell(page);
    const reg = new RegisterPageObject(page, 'activities');
    await shell.goto('普法宣传');
    await reg.waitLoaded();
    await reg.openNew();
    await reg.fill({ date: `${year}-03-15`, title: MARKER, kind: '集中宣传', venue: '乡村', village: '东岗村', audience: 120, laws: ['宪法'] });
    await reg.saveAndClose();
    await reg.rows(MARKER).first().waitFor();
    expect(errors).toEqual([]);
  });

  it('finds the record again after a restart', async () => {
    await current().electron.close();
    run = null;
    run = await launch(app, sandbox);
    const { page, errors } = current();
    await page.getByTestId('nav').waitFor();
    expect(await page.getByTestId('township-dialog').count()).toBe(0);
    const home = new HomePageObject(page);
    await home.card('activities').waitFor();
    await expect.poll(() => home.count('activities')).toBe(1);
    const reg = new RegisterPageObject(page, 'activities');
    await new AppShell(page).goto('普法宣传');
    await reg.waitLoaded();
    await reg.rows(MARKER).first().waitFor();
    expect(errors).toEqual([]);
  });

  it('exports the report .docx through the real save path', async () => {
    const { electron, page, errors } = current();
    const target = join(sandbox.dataDir, '..', `法治政府建设情况报告-冒烟测试-${year}.docx`);
    rmSync(target, { force: true });
    // only the dialog is stubbed: IPC, the checks in main and the atomic write are the real ones
    await electron.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = async () => ({ canceled: false, filePath });
    }, target);
    await new AppShell(page).goto('年度报告');
    await page.getByTestId('export-word').waitFor();
    await expect.poll(() => page.getByTestId('export-word').isEnabled()).toBe(true);
    await page.getByTestId('export-word').click();
    // the report may first ask about paragraphs still in draft: export anyway
    const box = page.locator('.el-message-box:visible');
    await Promise.race([
      box.waitFor({ timeout: 15_000 }).then(() => box.locator('.el-button--primary').click()),
      expect.poll(() => existsSync(target), { timeout: 15_000 }).toBe(true),
    ]).catch(() => undefined);
    await expect.poll(() => existsSync(target), { timeout: 30_000 }).toBe(true);
    const zip = await JSZip.loadAsync(readFileSync(target));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('法治政府建设情况');
    expect(xml).toContain(TOWNSHIP.authority);
    // no half-written temporary left beside it
    expect(readdirSync(dirname(target)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a second start focuses the first window instead of opening another', async () => {
    const { electron } = current();
    await electron.evaluate(({ app: electronApp, BrowserWindow: BW }) => {
      const g = globalThis as unknown as { secondInstances?: number };
      g.secondInstances = 0;
      electronApp.on('second-instance', () => {
        g.secondInstances = (g.secondInstances ?? 0) + 1;
      });
      BW.getAllWindows()[0].hide();
    });
    expect((await windowState(electron)).visible).toBe(false);
    const second = launchSecond(app, sandbox);
    const code = await Promise.race([second.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 30_000))]);
    if (code === 'timeout') second.child.kill();
    expect(code, 'the second start quits by itself').toBe(0);
    await expect.poll(() => electron.evaluate(() => (globalThis as unknown as { secondInstances?: number }).secondInstances)).toBe(1);
    await expect.poll(async () => (await windowState(electron)).visible).toBe(true);
    const state = await windowState(electron);
    expect(state.count).toBe(1);
    expect(state.minimized).toBe(false);
  });
});
