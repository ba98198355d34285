// 网页模式 keeps its address, so the printed address can be bookmarked: a default port
// (another free one when it is taken, said in Chinese) and a token kept in the data folder,
// readable by that user only (mode 0600).
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { intOption, parseArgs, textOption, UsageError } from '../shared/cli-args.ts';
import { PortBusyError, startBridge, type Bridge, type BridgeOptions } from './server.ts';

/** the port 网页模式 listens on unless --port says otherwise */
export const DEFAULT_WEB_PORT = 47203;
export const WEB_TOKEN_FILE = 'web-token';

/** The token file beside the ledger (the data folder of that database). */
export const webTokenPath = (dbPath: string) => join(dirname(dbPath), WEB_TOKEN_FILE);

/** The kept token, or a new one written with mode 0600; a looser file is tightened. */
export function loadOrCreateToken(path: string): string {
  if (existsSync(path)) {
    const token = readFileSync(path, 'utf8').trim();
    if (/^[0-9a-f]{48}$/.test(token)) {
      if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
      return token;
    }
  }
  const token = randomBytes(24).toString('hex');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${token}\n`, { mode: 0o600 });
  if (process.platform !== 'win32') chmodSync(path, 0o600); // an existing file keeps its mode on write
  return token;
}

/**
 * Starts the bridge on `port` (given with --port: that one or a Chinese error), else on the
 * default port, or on a free one when the default is taken — with a note saying so.
 */
export async function startWebBridge(options: BridgeOptions & { defaultPort?: number }): Promise<{ bridge: Bridge; note: string | null }> {
  if (options.port !== undefined) return { bridge: await startBridge(options), note: null };
  const wanted = options.defaultPort ?? DEFAULT_WEB_PORT;
  try {
    return { bridge: await startBridge({ ...options, port: wanted }), note: null };
  } catch (e) {
    if (!(e instanceof PortBusyError)) throw e;
    const bridge = await startBridge({ ...options, port: 0 });
    return {
      bridge,
      note: `端口 ${wanted} 已被占用（可能已有一个法治台账网页模式在运行），这次改用端口 ${bridge.port}：地址与书签中的不同。关闭占用的程序后重新启动即恢复原地址。`,
    };
  }
}

/** --prot → --port: the known option a mistyped one is closest to (one or two letters off). */
export function closestOption(given: string, known: readonly string[]): string | null {
  const distance = (a: string, b: string) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) {
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        // a swap of two letters (prot ↔ port) counts as one
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    return d[a.length][b.length];
  };
  let best: string | null = null;
  let bestD = 3;
  for (const k of known) {
    const dd = distance(given.toLowerCase(), k);
    if (dd < bestD) [best, bestD] = [k, dd];
  }
  return best;
}

const OPTIONS = ['db', 'port', 'demo', 'help'] as const;

/** Unknown options first (a mistyped `--prot 47203` would otherwise read as 多余的参数). */
export function checkWebArgs(argv: string[]): { db?: string; port?: number; demo: boolean; help: boolean } {
  for (const a of argv) {
    if (!a.startsWith('--') || a === '--') continue;
    const key = a.slice(2).split('=')[0];
    if ((OPTIONS as readonly string[]).includes(key)) continue;
    const near = closestOption(key, OPTIONS);
    throw new UsageError(`未知选项 --${key}${near ? `，您是想用 --${near} 吗？` : ''}`);
  }
  const args = parseArgs(argv, ['db', 'port']);
  const port = intOption(args.options, 'port', 1, 65535);
  if (args.positionals.length) throw new UsageError(`多余的参数：${args.positionals.join(' ')}`);
  return { db: textOption(args.options, 'db'), port, demo: args.options.demo === true, help: args.options.help === true };
}
