// demo: a demo year (示例数据) from the command line; without --db it goes to a separate demo database.
import type { Core } from '../../core/index.ts';
import { registerCountsText } from '../../shared/registers.ts';
import { intOption, UsageError, type ParsedArgs } from '../../shared/cli-args.ts';
import type { CommandTable } from '../command.ts';
import { unwrap } from '../output.ts';

export async function demoCommand(core: Core, args: ParsedArgs): Promise<number> {
  if (args.positionals.length) throw new UsageError('用法：demo [--year 年度]');
  const year = intOption(args.options, 'year', 2000, 2100) ?? new Date().getFullYear() - 1;
  const r = unwrap(await core.call('demo.generate', { year }));
  if (r === undefined) return 1;
  console.log(`已生成${year}年示例台账：${registerCountsText(r)}`);
  return 0;
}

export const demoCommands: CommandTable = {
  demo: {
    run: demoCommand,
    usage: 'demo [--year 年度]   生成示例年度台账（默认去年；未给 --db 时写入单独的示例数据库）',
    valued: ['year'],
    flags: [],
    creates: true,
  },
};
