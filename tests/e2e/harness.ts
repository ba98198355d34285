// e2e harness: the real core and web bridge in-process, the built renderer
// (out/renderer, built by `npm run test:e2e`) and headless Chromium.
//
// `useApp()` gives every test its own world, so any test runs alone
// (`npx vitest run --project e2e tests/e2e/x.test.ts -t "name"`) exactly as it
// runs in its file: one Chromium per file; per test a fresh copy of the file's
// seeded database, a fresh bridge and a fresh browser context (no localStorage,
// no Pinia state, no page left open by an earlier test). Console errors fail the test.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createCore, type Core } from '../../electron/core/index.ts';
import { fixturePackage } from '../helpers/core.ts';
import { startBridge, type Bridge } from '../../electron/bridge/server.ts';
import type { InputOf, MethodName, OutputOf } from '../../electron/shared/contract/index.ts';
import type { Township } from '../../electron/shared/records.ts';
import { AppShell } from './pages/app-shell.ts';

/** FAZHI_E2E_CHROMIUM overrides the browser (e.g. to check that the suite skips loudly without one) */
export const CHROMIUM_PATH = process.env.FAZHI_E2E_CHROMIUM || '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);
export const STATIC_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));
/** a failed test leaves a screenshot here */
const FAIL_SHOTS = process.env.FAZHI_E2E_SHOTS || tmpdir();

if (!hasChromium) {
  const line = '!'.repeat(78);
  console.warn(
    [
      '',
      line,
      `!!  e2e 测试已跳过：找不到 ${CHROMIUM_PATH}`,
      '!!  SKIPPING THE WHOLE E2E SUITE: Chromium is not installed.',
      '!!  Install it with:  apt-get update && apt-get install -y chromium',
      '!!  (never `npx playwright install`)',
      line,
      '',
    ].join('\n'),
  );
}

export const TEST_TOWNSHIP: Township = { name: '小陶镇', authority: '永安市小陶镇人民政府', superior: '永安市' };
export const currentYear = () => new Date().getFullYear();

/** screenshots for a look: FAZHI_SCREENSHOTS=/tmp/shots npx vitest run --project e2e tests/e2e/x.test.ts */
export const SHOTS = process.env.FAZHI_SCREENSHOTS;
export async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

/** the running text of a .docx (the <w:t> runs of word/document.xml joined) */
export async function docxText(file: string): Promise<string> {
  const xml = await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

export interface AppOptions {
  /** preset the township (skips the first-start dialog); default TEST_TOWNSHIP */
  township?: Township | null;
  /** fill this year with the demo ledger */
  demoYear?: number;
  /** import this data package of tests/fixtures (e.g. '000_3b1c3260cd606f40') */
  fixture?: string;
  /** what the file's tests start from, written through the API once per file (then copied for each test) */
  seed?: (call: CallFn) => Promise<void>;
  /** the year the app opens on, as if the clerk had chosen it before */
  year?: number;
  /** runs in the page before the app's scripts, on every load */
  initScript?: () => void;
}

/** calls the API and returns the value; an error fails the test with its message */
export type CallFn = <M extends MethodName>(method: M, input: InputOf<M>) => Promise<OutputOf<M>>;

function caller(core: Core): CallFn {
  return async (method, input) => {
    const r = await core.call(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
}

interface World {
  dir: string;
  core: Core;
  bridge: Bridge;
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** The app of the running test (see useApp). */
export class TestApp {
  /** @internal */ world: World | null = null;
  private get w(): World {
    if (!this.world) throw new Error('the e2e app exists only inside a test (useApp sets it up in beforeEach)');
    return this.world;
  }
  get core(): Core {
    return this.w.core;
  }
  get bridge(): Bridge {
    return this.w.bridge;
  }
  get page(): Page {
    return this.w.page;
  }
  get context(): BrowserContext {
    return this.w.context;
  }
  get url(): string {
    return this.w.bridge.url;
  }
  get dir(): string {
    return this.w.dir;
  }
  get dbPath(): string {
    return join(this.w.dir, 'ledger.db');
  }
  get shell(): AppShell {
    return new AppShell(this.w.page);
  }
  /** the API, throwing on an error (for a test's own setup and its checks) */
  readonly call: CallFn = (method, input) => caller(this.w.core)(method, input);
  /** console errors and page errors seen since the last takeErrors() */
  takeErrors(): string[] {
    return this.w.errors.splice(0, this.w.errors.length);
  }
  /** reloads the page (after the test wrote through the API) and waits for the layout */
  async reload(): Promise<AppShell> {
    await this.page.reload();
    return this.shell.waitReady();
  }
}

/**
 * Registers the hooks that give each test of the calling file a fresh app:
 * the database seeded once per file (township, demo year, `seed`) and copied for
 * every test, a bridge on it, a new browser context with the page open on 首页.
 * After each test: no console error, and a screenshot if it failed.
 */
export function useApp(options: AppOptions = {}): TestApp {
  const app = new TestApp();
  let browser: Browser;
  let template: string;

  beforeAll(async () => {
    if (!existsSync(join(STATIC_DIR, 'index.html'))) {
      throw new Error('out/renderer/index.html is missing: run `npx vite build` first (npm run test:e2e does it)');
    }
    template = mkdtempSync(join(tmpdir(), 'fazhi-e2e-template-'));
    const core = createCore({ dbPath: join(template, 'ledger.db'), mode: 'web' });
    try {
      const call = caller(core);
      const township = options.township === undefined ? TEST_TOWNSHIP : options.township;
      if (township) await call('settings.update', { township });
      if (options.demoYear) await call('demo.generate', { year: options.demoYear });
      if (options.fixture) await call('exchange.import', { content: fixturePackage(options.fixture) });
      await options.seed?.(call);
    } finally {
      core.close();
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  });

  beforeEach(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-e2e-'));
    cpSync(template, dir, { recursive: true });
    const core = createCore({ dbPath: join(dir, 'ledger.db'), mode: 'web' });
    const bridge = await startBridge({ core, staticDir: STATIC_DIR });
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
    if (options.year) {
      await context.addInitScript((y) => {
        if (!localStorage.getItem('fazhi-year')) localStorage.setItem('fazhi-year', String(y));
      }, options.year);
    }
    if (options.initScript) await context.addInitScript(options.initScript);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    app.world = { dir, core, bridge, context, page, errors };
    await page.goto(bridge.url);
    // without township names the app opens on the first-start dialog instead of the menu
    if ((await app.call('settings.get', {})).township) await app.shell.waitReady();
  });

  afterEach(async ({ task }) => {
    const w = app.world;
    if (!w) return;
    try {
      if (task.result?.state === 'fail') {
        mkdirSync(FAIL_SHOTS, { recursive: true });
        const name = `e2e-fail-${task.file?.name.replace(/\W+/g, '_') ?? ''}-${task.name.slice(0, 30)}.png`;
        await w.page.screenshot({ path: join(FAIL_SHOTS, name) }).catch(() => undefined);
      }
      expect(w.errors.splice(0, w.errors.length)).toEqual([]);
    } finally {
      app.world = null;
      await w.context.close().catch(() => undefined);
      await w.bridge.close();
      w.core.close();
      rmSync(w.dir, { recursive: true, force: true });
    }
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (template) rmSync(template, { recursive: true, force: true });
  });

  return app;
}
