// npm run dist (after the build): electron-builder with our config. It needs
// the Electron runtime for each target (a ~100 MB download from the internet,
// or electron-builder's cache). Where it cannot get it, say so in Chinese and
// say where installers are made instead, as `npm start` does for the window.
//
//   node scripts/dist.ts [electron-builder options…]   e.g. --linux dir --x64
import { spawn } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where @electron/get (used by electron-builder) keeps downloaded runtimes. */
export function electronCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.ELECTRON_CACHE) return env.ELECTRON_CACHE;
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'electron', 'Cache');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'electron');
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron');
}

/** The runtime zips already in the cache (any folder depth), by file name. */
export function cachedRuntimes(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((p) => p.replace(/\\/g, '/').split('/').pop() ?? '')
    .filter((n) => /^electron-v.*\.zip$/.test(n));
}

/** True when an electron-builder failure is a download that could not be made. */
export function isDownloadFailure(output: string): boolean {
  return /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket hang up|getaddrinfo|unable to get local issuer|self[- ]signed certificate|status code 40[34]|cannot (?:download|get) .*electron|dial tcp/i.test(
    output,
  );
}

export function explanation(detail?: string): string {
  return [
    '',
    '无法生成安装包：打包需要先下载 Electron 运行时（每个平台约 100 MB）和打包工具，本机无法访问外网。',
    'Cannot build the installers: electron-builder must download the Electron runtime, and this machine is offline.',
    ...(detail ? [`  ${detail.trim().split('\n').slice(-2).join('\n  ')}`] : []),
    '',
    '安装包由发布流水线在能联网的机器上生成（.github/workflows/release.yml）：',
    '  推送版本标签即可，例如  git tag v0.2.0 && git push origin v0.2.0',
    '  流水线生成 Windows 安装程序、U盘版 zip、deb 与 AppImage（x64、arm64），并先在真实窗口中测试。',
    '已下载过 Electron 的电脑可设置 ELECTRON_CACHE 指向缓存文件夹后重试。',
    '在本机使用程序请用网页模式：npm run web',
    '',
  ].join('\n');
}

async function reachable(host: string): Promise<boolean> {
  try {
    await Promise.race([lookup(host), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 5_000))]);
    return true;
  } catch {
    return false;
  }
}

async function main(args: string[]): Promise<number> {
  const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  const givenDist = args.some((a) => a.includes('electronDist'));
  const mirror = process.env.ELECTRON_MIRROR ? new URL(process.env.ELECTRON_MIRROR).hostname : 'github.com';
  const probe = process.env.FAZHI_DIST_PROBE_HOST ?? mirror;
  const cached = cachedRuntimes(electronCacheDir()).filter((n) => n.startsWith(`electron-v${electronVersion}-`));
  // fail in seconds, not after electron-builder's minute of retries
  if (!givenDist && cached.length === 0 && !(await reachable(probe))) {
    console.error(explanation(`无法解析 ${probe}，Electron 缓存（${electronCacheDir()}）中也没有 electron-v${electronVersion}`));
    return 1;
  }
  const bin = join(root, 'node_modules', 'electron-builder', 'cli.js');
  const child = spawn(process.execPath, [bin, '--config', 'build/electron-builder.json', '--publish', 'never', ...args], {
    cwd: root,
    stdio: ['inherit', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => {
    process.stdout.write(d);
    output = (output + d.toString()).slice(-20_000);
  });
  child.stderr.on('data', (d: Buffer) => {
    process.stderr.write(d);
    output = (output + d.toString()).slice(-20_000);
  });
  const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? 1)));
  if (code !== 0 && isDownloadFailure(output)) {
    console.error(explanation(output.split('\n').find((l) => /⨯/.test(l))));
  }
  return code;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
