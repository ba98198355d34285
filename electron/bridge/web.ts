// npm run web [-- --db FILE] [--port N] [--demo]: serves the app on 127.0.0.1, at the same
// address every start (port 47203, the token kept in the data folder: see web-address.ts).
import { faultOf } from '../core/util/faults.ts';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { registerCountsText } from '../shared/registers.ts';
import { createCore, maybeDailyBackup } from '../core/index.ts';
import { demoDbPath, resolveDbPath } from '../core/paths.ts';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../core/util/errors.ts';
import { assertNodeVersion } from '../core/util/node-version.ts';
import { checkWebArgs, DEFAULT_WEB_PORT, loadOrCreateToken, startWebBridge, webTokenPath } from './web-address.ts';

const USAGE = `用法：npm run web -- [--db 数据库文件] [--port 端口，默认 ${DEFAULT_WEB_PORT}] [--demo]`;
async function main(): Promise<void> {
  assertNodeVersion();
  let args;
  try {
    args = checkWebArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    console.error(USAGE);
    process.exit(2);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
  if (!existsSync(`${staticDir}/index.html`)) {
    console.error('找不到界面文件 out/renderer/index.html，请先运行 npm run build:renderer（npm run web 会自动构建）。');
    process.exit(1);
  }
  const explicitDb = args.db;
  // --demo without --db: a separate demo database, never the clerk's real ledger
  const dbPath = args.demo && !explicitDb ? demoDbPath() : resolveDbPath(explicitDb);
  if (args.demo && !explicitDb) {
    mkdirSync(dirname(dbPath), { recursive: true });
    console.log(`示例模式：使用单独的示例数据库 ${dbPath}（不是您的正式台账）`);
  }
  const core = createCore({ dbPath, mode: 'web' });
  if (args.demo) {
    const year = new Date().getFullYear() - 1;
    const counts = await core.call('years.counts', { year });
    const empty = counts.ok && Object.values(counts.value.counts).every((n) => n === 0);
    if (empty) {
      const r = await core.call('demo.generate', { year });
      if (r.ok) console.log(`已生成${year}年示例台账：${registerCountsText(r.value)}（均标记为示例数据，可在“设置”中一键清除）`);
    } else {
      console.log(`${year}年已有台账记录，未再生成示例数据`);
    }
  }
  // the first start of a day keeps a backup; it runs beside the server, which need not wait for it
  void maybeDailyBackup(core.ctx).catch((e: unknown) => console.error(`每日自动备份失败：${e instanceof Error ? e.message : e}`));
  const { bridge, note } = await startWebBridge({ core, staticDir, port: args.port, token: loadOrCreateToken(webTokenPath(dbPath)) });
  console.log(`法治台账（网页模式）已启动，数据库：${dbPath}`);
  if (note) console.log(note);
  console.log(`请在本机浏览器中打开：${bridge.url}`);
  console.log('（每次启动地址不变，可加入浏览器收藏夹。）');
  console.log('按 Ctrl+C 退出。');
  const stop = () => {
    void bridge.close().then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e instanceof AppError ? e.message : (faultOf(e)?.message ?? (e instanceof Error ? e.message : e)));
  process.exit(1);
});
