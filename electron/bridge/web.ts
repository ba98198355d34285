// npm run web [-- --db FILE] [--port N] [--demo]: serves the app on 127.0.0.1.
import { faultOf } from '../core/util/faults.ts';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { intOption, parseArgs, textOption, UsageError } from '../shared/cli-args.ts';
import { registerCountsText } from '../shared/registers.ts';
import { createCore, maybeDailyBackup } from '../core/index.ts';
import { demoDbPath, resolveDbPath } from '../core/paths.ts';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../core/util/errors.ts';
import { assertNodeVersion } from '../core/util/node-version.ts';
import { startBridge } from './server.ts';

const USAGE = '用法：npm run web -- [--db 数据库文件] [--port 端口] [--demo]';

async function main(): Promise<void> {
  assertNodeVersion();
  let args;
  let port: number | undefined;
  try {
    args = parseArgs(process.argv.slice(2), ['db', 'port']);
    port = intOption(args.options, 'port', 1, 65535);
    if (args.positionals.length) throw new UsageError(`多余的参数：${args.positionals.join(' ')}`);
    for (const k of Object.keys(args.options)) if (!['db', 'port', 'demo', 'help'].includes(k)) throw new UsageError(`未知选项 --${k}`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    console.error(USAGE);
    process.exit(2);
  }
  if (args.options.help) {
    console.log(USAGE);
    return;
  }
  const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
  if (!existsSync(`${staticDir}/index.html`)) {
    console.error('找不到界面文件 out/renderer/index.html，请先运行 npm run build:renderer（npm run web 会自动构建）。');
    process.exit(1);
  }
  const explicitDb = textOption(args.options, 'db');
  // --demo without --db: a separate demo database, never the clerk's real ledger
  const dbPath = args.options.demo && !explicitDb ? demoDbPath() : resolveDbPath(explicitDb);
  if (args.options.demo && !explicitDb) {
    mkdirSync(dirname(dbPath), { recursive: true });
    console.log(`示例模式：使用单独的示例数据库 ${dbPath}（不是您的正式台账）`);
  }
  const core = createCore({ dbPath, mode: 'web' });
  if (args.options.demo) {
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
  const bridge = await startBridge({ core, staticDir, port });
  console.log(`法治台账（网页模式）已启动，数据库：${dbPath}`);
  console.log(`请在本机浏览器中打开：${bridge.url}`);
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
