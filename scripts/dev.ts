// npm run dev [-- --db FILE] [--demo] [--port N]: the renderer with hot reload, in one command.
// Starts a web bridge on a dev database (never the clerk's ledger: tmp/dev.db unless --db says
// otherwise) on a free port, then Vite with /api proxied to it, and prints Vite's address with
// the bridge's token — the one address to open. A change to a .vue / .ts file under renderer/
// shows in the page at once; a change under electron/ needs a restart (Ctrl+C, npm run dev).
//
// With FAZHI_BRIDGE_PORT set, no bridge is started: Vite proxies to the web bridge already
// running on that port (npm run web -- --db … --port N) and the page takes that bridge's token.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { startBridge, type Bridge } from '../electron/bridge/server.ts';
import { createCore, type Core } from '../electron/core/index.ts';
import { assertNodeVersion } from '../electron/core/util/node-version.ts';

const USAGE = '用法：npm run dev -- [--db 开发数据库] [--demo] [--port Vite端口]';
const ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function main(): Promise<void> {
  assertNodeVersion();
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { db: { type: 'string' }, demo: { type: 'boolean' }, port: { type: 'string' }, help: { type: 'boolean' } },
    }));
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    console.error(USAGE);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const vitePort = values.port ? Number(values.port) : undefined;
  if (vitePort !== undefined && !(Number.isInteger(vitePort) && vitePort > 0 && vitePort < 65536)) {
    console.error(`--port 应为 1 到 65535 之间的整数，现为“${values.port}”`);
    process.exit(2);
  }

  let core: Core | null = null;
  let bridge: Bridge | null = null;
  const external = process.env.FAZHI_BRIDGE_PORT;
  if (external) {
    console.log(`使用已在端口 ${external} 运行的网页模式（FAZHI_BRIDGE_PORT），请带上它打印的 token 打开下面的地址。`);
  } else {
    const dbPath = resolve(values.db ?? `${ROOT}/tmp/dev.db`);
    mkdirSync(dirname(dbPath), { recursive: true });
    core = createCore({ dbPath, mode: 'web' });
    if (values.demo) {
      const year = new Date().getFullYear() - 1;
      const r = await core.call('demo.generate', { year });
      console.log(r.ok ? `已为${year}年生成示例台账` : `未生成示例台账：${r.error.message}`);
    }
    // the page comes from Vite; the bridge answers /api only (its static folder is never asked)
    bridge = await startBridge({ core, staticDir: `${ROOT}/out/renderer` });
    process.env.FAZHI_BRIDGE_PORT = new URL(bridge.url).port;
    console.log(`开发数据库：${dbPath}（API 端口 ${process.env.FAZHI_BRIDGE_PORT}）`);
  }

  const vite = await createServer({ configFile: `${ROOT}/vite.config.ts`, server: vitePort ? { port: vitePort, strictPort: true } : {} });
  await vite.listen();
  const url = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${vite.config.server.port}/`;
  console.log(`\n请在浏览器中打开：${bridge ? `${url}?token=${bridge.token}` : `${url}?token=<网页模式打印的 token>`}`);
  console.log('改 renderer/ 下的文件页面即时更新；改 electron/ 下的代码需按 Ctrl+C 后重新运行 npm run dev。');

  const stop = () => {
    void vite
      .close()
      .then(() => bridge?.close())
      .then(() => {
        core?.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
