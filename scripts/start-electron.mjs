// npm start (after the build): starts the desktop window. Where the Electron
// runtime is missing and cannot be downloaded, or cannot start (no display,
// missing system libraries), it says so plainly and points to web mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DOWNLOAD_TIMEOUT_MS = 120_000;
/** A window that exits with an error this soon never really started. */
const EARLY_EXIT_MS = 5_000;

function fail(zh, en, detail) {
  console.error('');
  console.error(`无法启动法治台账桌面窗口：${zh}`);
  console.error(`Cannot start the 法治台账 desktop window: ${en}`);
  if (detail) console.error(`  ${String(detail).trim().split('\n').slice(-3).join('\n  ')}`);
  console.error('');
  console.error('请改用网页模式（功能相同，在本机浏览器中打开）：npm run web');
  console.error('Use web mode instead (same features, opens in a browser on this PC): npm run web');
  process.exit(1);
}

if (!existsSync(join(root, 'out', 'electron', 'main', 'index.js')) || !existsSync(join(root, 'out', 'electron', 'preload', 'index.cjs'))) {
  fail('找不到构建结果 out/electron，请先运行 npm run build。', 'the build output out/electron is missing; run npm run build first.');
}

if (!existsSync(join(root, 'node_modules', 'electron', 'package.json'))) {
  fail('未安装 electron 依赖（node_modules/electron）。', 'the electron package is not installed (node_modules/electron).');
}

// Resolving 'electron' returns the runtime's path and downloads it when missing;
// done in a child process so an offline download attempt can be timed out.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const resolved = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
  cwd: root,
  encoding: 'utf8',
  timeout: DOWNLOAD_TIMEOUT_MS,
  env,
});
const binary = resolved.status === 0 ? resolved.stdout.trim() : '';
if (!binary || !existsSync(binary)) {
  fail(
    '本机没有 Electron 运行时，也无法下载（离线或网络受限）。',
    'the Electron runtime is not on this machine and could not be downloaded (offline or restricted network).',
    resolved.error?.message ?? (resolved.stderr.match(/^\w*Error: .*$/m)?.[0] || resolved.stderr),
  );
}

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  fail('没有图形界面（未设置 DISPLAY / WAYLAND_DISPLAY）。', 'no graphical display (DISPLAY / WAYLAND_DISPLAY not set).');
}

const started = Date.now();
const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env, windowsHide: false });
child.on('error', (e) => fail('Electron 运行时无法执行。', 'the Electron runtime could not be executed.', e.message));
child.on('close', (code, signal) => {
  if (code !== 0 && Date.now() - started < EARLY_EXIT_MS) {
    fail(
      `Electron 运行时启动后立即退出（${signal ?? `退出码 ${code}`}），可能缺少系统库或显卡驱动。`,
      `the Electron runtime exited right after starting (${signal ?? `exit code ${code}`}); system libraries or graphics drivers may be missing.`,
    );
  }
  process.exit(code ?? 1);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
