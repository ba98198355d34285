// npm run cli -- <command>: the ledger from the command line, over the same handlers.
// Exit codes: 0 done, 1 bad input (Chinese message on stderr, nothing written), 2 usage.
import type { Core, CoreOptions } from '../core/index.ts';
import { demoDbPath, resolveDbPath } from '../core/paths.ts';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../core/util/errors.ts';
import { faultOf } from '../core/util/faults.ts';
import { assertNodeVersion } from '../core/util/node-version.ts';
import { parseArgs, textOption, UsageError, type ParsedArgs } from '../shared/cli-args.ts';
import { backupCommands } from './commands/backup.ts';
import { casesCommands } from './commands/cases.ts';
import { demoCommands } from './commands/demo.ts';
import { enterpriseCommands } from './commands/enterprise.ts';
import { excelCommands } from './commands/excel.ts';
import { exchangeCommands } from './commands/exchange.ts';
import { opennessCommands } from './commands/openness.ts';
import { enforcementCommands } from './commands/enforcement.ts';
import { reportCommands } from './commands/report.ts';
import { statsCommands } from './commands/stats.ts';
import { mediationStatsCommands } from './commands/mediationStats.ts';
import type { CommandTable } from './command.ts';

// one file per domain in commands/, each with its table of commands
const COMMANDS: CommandTable = {
  ...exchangeCommands,
  ...demoCommands,
  ...casesCommands,
  ...statsCommands,
  ...mediationStatsCommands,
  ...reportCommands,
  ...opennessCommands,
  ...enforcementCommands,
  ...backupCommands,
  ...excelCommands,
  ...enterpriseCommands,
};

function usage(): string {
  return [
    '法治台账 命令行',
    '用法：npm run cli -- <命令> [选项] [--db 数据库文件]',
    '（未给出 --db 时使用环境变量 FAZHI_DB，否则使用本机法治台账的数据库）',
    '',
    '命令：',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage}`),
  ].join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const spec = COMMANDS[name];
  if (!spec) {
    console.error(`未知命令：${name}\n\n${usage()}`);
    return 2;
  }
  let args: ParsedArgs;
  try {
    args = parseArgs(rest, [...spec.valued, 'db']);
    for (const k of Object.keys(args.options)) {
      if (![...spec.valued, ...spec.flags, 'db'].includes(k)) throw new UsageError(`命令 ${name} 没有选项 --${k}`);
    }
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : e}\n用法：npm run cli -- ${spec.usage}`);
    return 2;
  }
  // the database is opened (created, migrated) on first use only: a command
  // that stops at a usage error never touches it
  let core: Core | undefined;
  let createCore: ((options: CoreOptions) => Core) | undefined;
  const open = (): Core => {
    if (core) return core;
    const explicitDb = textOption(args.options, 'db');
    let dbPath = resolveDbPath(explicitDb);
    if (name === 'demo' && !explicitDb) {
      // sample records never land in the clerk's real ledger
      dbPath = demoDbPath();
      mkdirSync(dirname(dbPath), { recursive: true });
      console.log(`示例数据写入单独的示例数据库：${dbPath}`);
    } else if (!spec.creates && (explicitDb ?? process.env.FAZHI_DB) && dbPath !== ':memory:' && !existsSync(dbPath)) {
      // a mistyped --db would otherwise quietly create an empty ledger and print zeros
      const from = explicitDb ? '--db' : '环境变量 FAZHI_DB';
      throw new AppError('not_found', `找不到数据库文件“${dbPath}”（${from} 给出的路径）。请检查路径是否写错；要新建台账，请用 import、demo 或 restore 命令。`);
    }
    return (core = createCore!({ dbPath, mode: 'cli' }));
  };
  const lazy: Core = {
    get ctx() {
      return open().ctx;
    },
    dispatch: (method, input) => open().dispatch(method, input),
    call: (method, input) => open().call(method, input),
    close: () => core?.close(),
  };
  try {
    // the core (database, handlers) loads only for a command, never for --help
    ({ createCore } = await import('../core/index.ts'));
    return await spec.run(lazy, args);
  } catch (e) {
    if (e instanceof UsageError) {
      // the usage once: a message that is itself the usage is not followed by it again
      console.error(/^用法：/.test(e.message) ? `用法：npm run cli -- ${spec.usage}` : `${e.message}\n用法：npm run cli -- ${spec.usage}`);
      return 2;
    }
    if (e instanceof AppError) {
      console.error(`错误：${e.message}`);
      return 1;
    }
    const fault = faultOf(e);
    if (fault) {
      console.error(`错误：${fault.message}`);
      return 1;
    }
    console.error(`错误：程序内部错误（${e instanceof Error ? e.message.slice(0, 200) : String(e).slice(0, 200)}）。请联系技术支持。`);
    return 1;
  } finally {
    core?.close();
  }
}

/** The process entry: `node electron/cli/index.ts …` or through scripts/launch.mjs. */
export async function main(): Promise<void> {
  try {
    assertNodeVersion();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  process.exitCode = await runCli(process.argv.slice(2));
}

if (import.meta.main) await main();
