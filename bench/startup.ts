// Start-up benchmark: how long a process takes to start, beside a bare Node start.
// `cli --help`, `cli stats`, the web bridge (until it serves) and the desktop main
// process (until it creates its window, with a stub 'electron'). Each is started the
// way its npm script starts it (read from package.json), once to warm the caches,
// then 15 times; the median and p95 of the wall time, and the peak RSS.
// Goals: --help within 100 ms and stats within 200 ms of bare Node; --help under 60 MB.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../electron/core/index.ts';
import { mb, ms, percentile, verdict } from './stats-util.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 15;
const node = process.execPath;
const RSS_PROBE = fileURLToPath(new URL('./support/rss-probe.mjs', import.meta.url));
const ELECTRON_HOOKS = fileURLToPath(new URL('./support/electron-hooks.mjs', import.meta.url));

/** The node arguments of an npm script's last `node …` command ("node scripts/launch.mjs x.ts" → [scripts/launch.mjs, x.ts]). */
function scriptArgs(name: string): string[] {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const last = scripts[name]
    .split('&&')
    .map((s) => s.trim())
    .filter((s) => s.startsWith('node '))
    .at(-1)!;
  return last.split(/\s+/).slice(1);
}

interface Figures {
  median: number;
  p95: number;
  rss: number;
}

/** Wall time of a process that runs to its end, and its peak RSS (a separate run with the probe). */
function measureRun(args: string[], env: NodeJS.ProcessEnv = process.env): Figures {
  const run = (extra: string[]) => {
    const t0 = performance.now();
    const r = spawnSync(node, [...extra, ...args], { cwd: ROOT, env, encoding: 'utf8' });
    const t = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${args.join(' ')} → ${r.status}: ${r.stderr}`);
    return { t, stderr: r.stderr };
  };
  run([]); // warm: the OS file cache and Node's compile cache
  const times = Array.from({ length: RUNS }, () => run([]).t);
  const probe = run(['--import', RSS_PROBE]).stderr.match(/@@maxrss (\d+)/);
  return { median: percentile(times, 50), p95: percentile(times, 95), rss: probe ? Number(probe[1]) * 1024 : NaN };
}

/** Wall time until a long-running process prints a line matching `ready`; then it is stopped. */
async function measureUntil(args: string[], ready: RegExp, env: NodeJS.ProcessEnv = process.env): Promise<Figures> {
  const once = (extra: string[]) =>
    new Promise<{ t: number; stderr: string }>((resolve, reject) => {
      const t0 = performance.now();
      const child = spawn(node, [...extra, ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      let t = 0;
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (!t && ready.test(out)) {
          t = performance.now() - t0;
          // a server is asked to stop; the desktop main ends by itself at its window
          setTimeout(() => child.kill('SIGTERM'), 50);
        }
      });
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('exit', () => (t ? resolve({ t, stderr: err }) : reject(new Error(`${args.join(' ')}: ${err || out}`))));
    });
  await once([]);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await once([])).t);
  const probe = (await once(['--import', RSS_PROBE])).stderr.match(/@@maxrss (\d+)/);
  return { median: percentile(times, 50), p95: percentile(times, 95), rss: probe ? Number(probe[1]) * 1024 : NaN };
}

const line = (label: string, f: Figures, bare: Figures, goal?: { over: number; rss?: number }) => {
  const over = f.median - bare.median;
  const ok = goal ? over <= goal.over && (goal.rss === undefined || f.rss < goal.rss * 1024 * 1024) : undefined;
  const goalText = goal ? `  目标 ≤ 裸 Node + ${goal.over} ms${goal.rss ? `、< ${goal.rss} MB` : ''} ${verdict(ok!)}` : '';
  console.log(
    `${label.padEnd(16, '　')} 中位 ${ms(f.median).padStart(9)}  p95 ${ms(f.p95).padStart(9)}  比裸 Node 多 ${ms(over).padStart(9)}  内存峰值 ${mb(f.rss).padStart(6)}${goalText}`,
  );
  return ok ?? true;
};

export async function benchStartup(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-bench-start-'));
  try {
    const dbPath = join(dir, 'ledger.db');
    const core = createCore({ dbPath });
    const demo = await core.call('demo.generate', { year: 2025 });
    core.close();
    if (!demo.ok) throw new Error(demo.error.message);

    const cli = scriptArgs('cli');
    const web = scriptArgs('web');
    console.log(`\n## 进程启动（各 ${RUNS} 次，先预热一次；按 npm 脚本的方式启动：node ${cli.join(' ')}）`);
    const bare = measureRun(['-e', '0']);
    let ok = line('裸 Node（node -e 0）', bare, bare);
    ok = line('cli --help', measureRun([...cli, '--help']), bare, { over: 100, rss: 60 }) && ok;
    ok = line('cli stats', measureRun([...cli, 'stats', '--year', '2025', '--db', dbPath]), bare, { over: 200 }) && ok;

    const built = existsSync(join(ROOT, 'out/renderer/index.html'));
    const launch = cli[0].endsWith('launch.mjs') ? [cli[0]] : [];
    const webArgs = built ? [...web, '--db', dbPath, '--port', String(20000 + (process.pid % 20000))] : [...launch, 'bench/support/bridge-server.ts', dbPath];
    line(built ? '网页模式（至可访问）' : '网页桥（至可访问）', await measureUntil(webArgs, built ? /请在本机浏览器中打开/ : /"port"/), bare);
    if (!built)
      console.log(
        '  （界面未构建，测的是 bench/support/bridge-server.ts：同样的核心与网页桥，不含界面文件检查；npm run build:renderer 后测 npm run web 本身）',
      );

    const desktopEnv = { ...process.env, FAZHI_BENCH_USERDATA: join(dir, 'desktop') };
    // the built main (npm run build:electron) as the app runs it; else the sources, as npm run cli runs them
    const builtMain = existsSync(join(ROOT, 'out/electron/main/index.js'));
    const mainArgs = builtMain ? ['out/electron/main/index.js'] : [...launch, 'electron/main/index.ts'];
    line('桌面主进程（至建窗）', await measureUntil(['--import', ELECTRON_HOOKS, ...mainArgs], /^window /m, desktopEnv), bare);
    console.log(
      `  （以 Node 运行${builtMain ? '构建后的 out/electron/main' : ' electron/main 源码'}，electron 模块为桩：计到 new BrowserWindow 为止，不含 Electron 自身的启动）`,
    );
    return ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const ok = await benchStartup();
  process.exitCode = ok ? 0 : 1;
}
