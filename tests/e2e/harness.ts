// e2e harness: the real core and web bridge in-process over a temporary
// database, the built renderer (out/renderer, built by `npm run test:e2e`),
// and one headless Chromium per test file. Console errors fail the test.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createCore, type Core } from '../../electron/core/index.ts';
import { startBridge, type Bridge } from '../../electron/bridge/server.ts';
import type { Township } from '../../electron/shared/records.ts';

/** FAZHI_E2E_CHROMIUM overrides the browser (e.g. to check that the suite skips loudly without one) */
export const CHROMIUM_PATH = process.env.FAZHI_E2E_CHROMIUM || '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);
export const STATIC_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

if (!hasChromium) {
  const line = '!'.repeat(78);
  console.warn([
    '', line,
    `!!  e2e 测试已跳过：找不到 ${CHROMIUM_PATH}`,
    '!!  SKIPPING THE WHOLE E2E SUITE: Chromium is not installed.',
    '!!  Install it with:  apt-get update && apt-get install -y chromium',
    '!!  (never `npx playwright install`)',
    line, '',
  ].join('\n'));
}

export const TEST_TOWNSHIP: Township = { name: '小陶镇', authority: '永安市小陶镇人民政府', superior: '永安市' };

export interface AppOptions {
  /** preset the township (skips the first-start dialog); default true */
  township?: Township | null;
  /** fill this year with the demo ledger */
  demoYear?: number;
}

export interface TestApp {
  core: Core;
  bridge: Bridge;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  url: string;
  dbPath: string;
  /** console errors and page errors seen since the last takeErrors() */
  errors: string[];
  takeErrors: () => string[];
  close: () => Promise<void>;
}

export async function startApp(options: AppOptions = {}): Promise<TestApp> {
  if (!existsSync(join(STATIC_DIR, 'index.html'))) {
    throw new Error('out/renderer/index.html is missing: run `npx vite build` first (npm run test:e2e does it)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-e2e-'));
  const dbPath = join(dir, 'ledger.db');
  const core = createCore({ dbPath, mode: 'web' });
  const township = options.township === undefined ? TEST_TOWNSHIP : options.township;
  if (township) {
    const r = await core.call('settings.update', { township });
    if (!r.ok) throw new Error(r.error.message);
  }
  if (options.demoYear) {
    const r = await core.call('demo.generate', { year: options.demoYear });
    if (!r.ok) throw new Error(r.error.message);
  }
  const bridge = await startBridge({ core, staticDir: STATIC_DIR });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  await page.goto(bridge.url);
  return {
    core, bridge, browser, context, page, url: bridge.url, dbPath, errors,
    takeErrors: () => errors.splice(0, errors.length),
    close: async () => {
      await browser.close().catch(() => undefined);
      await bridge.close();
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const currentYear = () => new Date().getFullYear();
