// Drives the real Electron window with Playwright's `_electron` API.
//
// Which app: FAZHI_ELECTRON_APP names a packaged executable (release/linux-unpacked/
// fazhi-ledger, release/win-unpacked/法治台账.exe) — the release workflow sets it on
// every target. Without it, the development build (out/ + node_modules/electron's
// runtime) when that runtime exists. Neither: the suite is skipped, loudly, and
// with FAZHI_ELECTRON_REQUIRED=1 (the release workflow) that is a failure instead.
//
// Where the data goes: a fresh folder per run. Linux: XDG_CONFIG_HOME (Electron's
// userData follows it). Windows (and macOS): userData cannot be moved by the
// environment, so the run uses the U盘 mode of the program under test — a
// `portable` marker beside the executable, data in `data/` beside it — which is
// the U盘 build's own path; the clerk's real ledger is never touched.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import type { BrowserWindow } from 'electron';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface AppUnderTest {
  /** the executable */
  executablePath: string;
  /** arguments before ours ('.' for the development build) */
  args: string[];
  packaged: boolean;
  /** why this one was chosen, for the log */
  source: string;
}

function devRuntime(): string | null {
  const pathFile = join(ROOT, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = join(ROOT, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

export function findApp(env: NodeJS.ProcessEnv = process.env): AppUnderTest | null {
  if (env.FAZHI_ELECTRON_APP) {
    const exe = resolve(env.FAZHI_ELECTRON_APP);
    if (!existsSync(exe)) throw new Error(`FAZHI_ELECTRON_APP 指向的程序不存在：${exe}`);
    return { executablePath: exe, args: [], packaged: true, source: `FAZHI_ELECTRON_APP=${exe}` };
  }
  const runtime = devRuntime();
  if (runtime && existsSync(join(ROOT, 'out', 'electron', 'main', 'index.js'))) {
    return { executablePath: runtime, args: ['.'], packaged: false, source: `开发构建 out/ + ${runtime}` };
  }
  return null;
}

export const APP = findApp();

/**
 * What the skip says. Within `npm test` (npm_lifecycle_event test:electron:last) this step runs
 * only after typecheck, lint, format, unit and e2e tests all passed (the steps are joined by &&),
 * so the banner can say so; run alone it does not claim it.
 */
export function skipBanner(lifecycleEvent: string | undefined): string {
  const line = '='.repeat(78);
  const afterAll = lifecycleEvent === 'test:electron:last';
  return [
    '',
    line,
    ...(afterAll
      ? [
          '  ✓ npm test：类型检查、lint、格式检查、单元测试和 e2e 测试全部通过（这一步只在它们都通过后才运行）。',
          '  ✓ npm test: all other checks and tests passed.',
        ]
      : []),
    '  – Electron 窗口冒烟测试（tests/electron/）在本机跳过：没有 Electron 运行时，也没有打包好的程序。',
    '    它在发布流水线 .github/workflows/release.yml 中对每个目标平台运行（FAZHI_ELECTRON_APP=…），',
    '    发布前一定运行；跳过不影响上面的结果。',
    '  – Electron window smoke test skipped here (no runtime, no packaged app); it runs in the release pipeline.',
    '    自己运行：npm run build && npx install-electron，或 FAZHI_ELECTRON_APP=release/linux-unpacked/fazhi-ledger npm run test:electron',
    line,
    '',
  ].join('\n');
}

if (!APP) {
  const message = skipBanner(process.env.npm_lifecycle_event);
  if (process.env.FAZHI_ELECTRON_REQUIRED === '1') throw new Error(`FAZHI_ELECTRON_REQUIRED=1 but no Electron app was found.\n${message}`);
  console.warn(message);
}

export interface Sandbox {
  /** the folder the ledger lives in for this run */
  dataDir: string;
  env: Record<string, string>;
  cleanup: () => void;
}

/** A fresh data folder for one run of the suite (see the header). */
export function makeSandbox(app: AppUnderTest): Sandbox {
  const tmp = mkdtempSync(join(tmpdir(), 'fazhi-electron-'));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  if (process.platform === 'linux') {
    env.XDG_CONFIG_HOME = join(tmp, 'config');
    return { dataDir: join(tmp, 'config', '法治台账'), env, cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
  }
  // only Linux lets the environment move userData; elsewhere the U盘 marker keeps the run off the real ledger
  const exeDir = dirname(app.executablePath);
  const marker = join(exeDir, 'portable');
  const dataDir = join(exeDir, 'data');
  const sentinel = join(dataDir, '.fazhi-smoke-test');
  if (existsSync(join(dataDir, 'ledger.db')) && !existsSync(sentinel)) {
    throw new Error(`${dataDir} 中已有台账数据：冒烟测试只对程序的副本运行，绝不动真实数据。`);
  }
  const hadMarker = existsSync(marker);
  if (!hadMarker) writeFileSync(marker, 'U盘便携版标记（冒烟测试）\r\n');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(sentinel, '');
  return {
    dataDir,
    env,
    cleanup: () => {
      if (!hadMarker) rmSync(marker, { force: true });
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export interface Running {
  electron: ElectronApplication;
  page: Page;
  /** console errors and page errors so far */
  errors: string[];
}

export async function launch(app: AppUnderTest, sandbox: Sandbox): Promise<Running> {
  const electron = await _electron.launch({
    executablePath: app.executablePath,
    args: app.args,
    cwd: app.packaged ? dirname(app.executablePath) : ROOT,
    env: sandbox.env,
    timeout: 60_000,
  });
  const errors: string[] = [];
  electron.process().stderr?.on('data', (d: Buffer) => process.stderr.write(`[electron] ${d.toString()}`));
  const page = await electron.firstWindow({ timeout: 60_000 });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.setDefaultTimeout(20_000);
  return { electron, page, errors };
}

/** A second start of the same program with the same data folder, as a double-click would be. */
export function launchSecond(app: AppUnderTest, sandbox: Sandbox): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(app.executablePath, app.args, {
    cwd: app.packaged ? dirname(app.executablePath) : ROOT,
    env: sandbox.env,
    stdio: 'ignore',
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, exited };
}

/** The main window's state, read in the main process (typed against electron.d.ts). */
export async function windowState(electron: ElectronApplication): Promise<{ count: number; visible: boolean; minimized: boolean; url: string }> {
  return electron.evaluate(({ BrowserWindow: BW }) => {
    const wins: BrowserWindow[] = BW.getAllWindows();
    const win = wins[0];
    return { count: wins.length, visible: win.isVisible(), minimized: win.isMinimized(), url: win.webContents.getURL() };
  });
}
